using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Company;
using SalesHub.Core.Inventory;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

/// <summary>POST /api/v1/orders/{id}/reserve with the company reserving partially: an order short of stock takes the rest once it arrives.</summary>
public sealed class OrderReservationApiTests(TestApp app) : IClassFixture<TestApp>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var settings = app.Services.GetRequiredService<CompanySettings>();
        var company = await settings.GetAsync();
        if (company.Details.ReservationMode != ReservationMode.Partial)
        {
            await settings.UpdateAsync(await app.ActorForAsync(DemoCompany.AdminEmail), company.Details with { ReservationMode = ReservationMode.Partial }, company.Version);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AShortOrderReservesNothingUntilStockArrivesThenTheRest()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var customer = (await PostAsync(rep, "/api/v1/customers", new { name = "预留客户 " + Guid.NewGuid().ToString("N")[..8], status = "active" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var valve = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Valves", listPrice: 100m);
        await PostAsync(manager, "/api/v1/stock/receipts", new { productId = valve, warehouseId = 1, quantity = 1m }, HttpStatusCode.Created);
        var id = (await PostAsync(rep, "/api/v1/orders", new { customerId = customer, language = "en", lines = new[] { new { productId = valve, quantity = 3m } } }, HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var draft = await ApiProblem.AssertAsync(await rep.PostAsync($"/api/v1/orders/{id}/reserve", null), HttpStatusCode.BadRequest);
        await PostAsync(rep, $"/api/v1/orders/{id}/confirm", new { version = 1 });

        var nothing = await PostAsync(rep, $"/api/v1/orders/{id}/reserve", null);
        await PostAsync(manager, "/api/v1/stock/receipts", new { productId = valve, warehouseId = 1, quantity = 5m }, HttpStatusCode.Created);
        var rest = await PostAsync(rep, $"/api/v1/orders/{id}/reserve", null);

        Assert.True(draft.GetProperty("errors").TryGetProperty("status", out _), draft.ToString());
        Assert.Equal((0m, false, 2m, 2L), (nothing.GetProperty("added").GetDecimal(), nothing.GetProperty("complete").GetBoolean(),
            nothing.GetProperty("lines")[0].GetProperty("short").GetDecimal(), nothing.GetProperty("order").GetProperty("version").GetInt64()));
        Assert.Equal((2m, true, 3m, 3L), (rest.GetProperty("added").GetDecimal(), rest.GetProperty("complete").GetBoolean(),
            rest.GetProperty("order").GetProperty("shipping")[0].GetProperty("reserved").GetDecimal(), rest.GetProperty("order").GetProperty("version").GetInt64()));
        var otherTeam = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        await ApiProblem.AssertAsync(await otherTeam.PostAsync($"/api/v1/orders/{id}/reserve", null), HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
