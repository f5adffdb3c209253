using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class PriceListApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ACustomerOnAPriceListStartsFromItsPriceOnTheDaysItIsValid()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var product = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps", listPrice: 1000m);
        var customer = await CreateCustomerAsync(rep);
        var name = "List " + Guid.NewGuid().ToString("N")[..8];

        var created = await manager.PostAsJsonAsync("/api/v1/price-lists", new
        {
            name, validFrom = "2026-05-01", validTo = "2026-05-31",
            items = new[] { new { productId = product, discountPercent = (decimal?)12.5m, fixedPrice = (decimal?)null } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await created.Content.ReadFromJsonAsync<JsonElement>();
        var listId = list.GetProperty("id").GetInt32();
        Assert.Equal(875m, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("unitPrice").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/customers/{customer}/price-list", new { priceListId = listId })).StatusCode);

        var inside = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/price?productId={product}&date=2026-05-31");
        var outside = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/price?productId={product}&date=2026-06-01");

        Assert.Equal((875m, listId, name), (inside.GetProperty("unitPrice").GetDecimal(), inside.GetProperty("priceListId").GetInt32(), inside.GetProperty("priceListName").GetString()));
        Assert.Equal((1000m, JsonValueKind.Null), (outside.GetProperty("unitPrice").GetDecimal(), outside.GetProperty("priceListId").ValueKind));
    }

    [Fact]
    public async Task ARepMayReadListsButNotChangeOrAssignThem()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customer = await CreateCustomerAsync(rep);

        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/price-lists", new { name = "Mine" }), HttpStatusCode.Forbidden);
        await ApiProblem.AssertAsync(await rep.PutAsJsonAsync($"/api/v1/customers/{customer}/price-list", new { priceListId = (int?)null }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/v1/price-lists")).StatusCode);
    }

    [Fact]
    public async Task BadItemsAndMissingParametersAnswerProblemsNamingTheField()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var product = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps");

        var both = await ApiProblem.AssertAsync(await manager.PostAsJsonAsync("/api/v1/price-lists", new
        {
            name = "Both " + Guid.NewGuid().ToString("N")[..8],
            items = new[] { new { productId = product, discountPercent = 5m, fixedPrice = 10m } },
        }), HttpStatusCode.BadRequest);
        var backwards = await ApiProblem.AssertAsync(await manager.PostAsJsonAsync("/api/v1/price-lists", new
        {
            name = "Backwards " + Guid.NewGuid().ToString("N")[..8], validFrom = "2026-05-02", validTo = "2026-05-01",
        }), HttpStatusCode.BadRequest);
        var customer = await CreateCustomerAsync(await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email));
        var noProduct = await ApiProblem.AssertAsync(await manager.GetAsync($"/api/v1/customers/{customer}/price"), HttpStatusCode.BadRequest);

        Assert.True(both.GetProperty("errors").TryGetProperty("items[0].fixedPrice", out _));
        Assert.Equal("PriceLists.ValidToBeforeValidFrom", backwards.GetProperty("code").GetString());
        Assert.True(noProduct.GetProperty("errors").TryGetProperty("productId", out _));
    }

    private static async Task<int> CreateCustomerAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", new { name = "Price " + Guid.NewGuid().ToString("N")[..10], status = "active" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
