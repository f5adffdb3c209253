using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class OrderApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AnAcceptedQuoteBecomesAnOrderThatIsConfirmedShippedInPartsAndCompleted()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var pump = await PumpAsync();
        var quote = await PostAsync(rep, "/api/v1/quotes", new { customerId = customer, language = "en", discountPercent = 2.5m, lines = new[] { new { productId = pump, quantity = 3m } } });
        var quoteId = quote.GetProperty("id").GetInt32();
        await PostAsync(rep, $"/api/v1/quotes/{quoteId}/send", new { version = 1 }, HttpStatusCode.OK);
        await PostAsync(rep, $"/api/v1/quotes/{quoteId}/accept", new { version = 2 }, HttpStatusCode.OK);

        var order = await PostAsync(rep, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetInt32();
        var line = order.GetProperty("lines")[0].GetProperty("id").GetInt32();
        Assert.Equal(("draft", quoteId), (order.GetProperty("status").GetString(), order.GetProperty("quoteId").GetInt32()));
        Assert.Equal(quote.GetProperty("totals").GetProperty("total").GetDecimal(), order.GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.StartsWith("SO", order.GetProperty("number").GetString(), StringComparison.Ordinal);

        await PostAsync(rep, $"/api/v1/orders/{id}/confirm", new { version = 1 }, HttpStatusCode.OK);
        var partly = await PostAsync(rep, $"/api/v1/orders/{id}/ship", new { version = 2, lines = new[] { new { lineId = line, quantity = 1m } } }, HttpStatusCode.OK);
        Assert.Equal(("partiallyShipped", 1m, 2m), (partly.GetProperty("status").GetString(),
            partly.GetProperty("shipping")[0].GetProperty("shipped").GetDecimal(), partly.GetProperty("shipping")[0].GetProperty("remaining").GetDecimal()));
        await PostAsync(rep, $"/api/v1/orders/{id}/ship", new { version = 3, lines = new[] { new { lineId = line, quantity = 2m } } }, HttpStatusCode.OK);
        var completed = await PostAsync(rep, $"/api/v1/orders/{id}/complete", new { version = 4 }, HttpStatusCode.OK);

        Assert.Equal("completed", completed.GetProperty("status").GetString());
        var listed = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders?quoteId={quoteId}&status=completed");
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task BadStepsAreRefusedNamingTheFieldAndChangeNothing()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var pump = await PumpAsync();
        var order = await PostAsync(rep, "/api/v1/orders", new { customerId = customer, language = "zh-CN", lines = new[] { new { productId = pump, quantity = 2m } } });
        var id = order.GetProperty("id").GetInt32();
        var line = order.GetProperty("lines")[0].GetProperty("id").GetInt32();
        await PostAsync(rep, $"/api/v1/orders/{id}/confirm", new { version = 1 }, HttpStatusCode.OK);

        var tooMany = await ApiProblem.AssertAsync(
            await rep.PostAsJsonAsync($"/api/v1/orders/{id}/ship", new { version = 2, lines = new[] { new { lineId = line, quantity = 3m } } }), HttpStatusCode.BadRequest);
        var noReason = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { version = 2 }), HttpStatusCode.BadRequest);
        var noVersion = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "Wrong customer" }), HttpStatusCode.BadRequest);
        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { version = 1, reason = "Wrong customer" }), HttpStatusCode.Conflict);
        var negative = await ApiProblem.AssertAsync(
            await rep.PostAsJsonAsync("/api/v1/orders", new { customerId = customer, language = "en", lines = new[] { new { productId = pump, quantity = -1m } } }), HttpStatusCode.BadRequest);
        var status = await ApiProblem.AssertAsync(await rep.GetAsync("/api/v1/orders?status=lost"), HttpStatusCode.BadRequest);

        Assert.True(tooMany.GetProperty("errors").TryGetProperty("lines[0].quantity", out _), tooMany.ToString());
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        Assert.True(noVersion.GetProperty("errors").TryGetProperty("version", out _), noVersion.ToString());
        Assert.True(negative.GetProperty("errors").TryGetProperty("lines[0].quantity", out _), negative.ToString());
        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _), status.ToString());
        var unchanged = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}");
        Assert.Equal(("confirmed", 2L, 0m), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("version").GetInt64(),
            unchanged.GetProperty("shipping")[0].GetProperty("shipped").GetDecimal()));
    }

    [Fact]
    public async Task ConfirmingWithoutEnoughStockIsRefusedNamingTheLineAndLeavesTheOrderADraft()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var plenty = await PumpAsync();
        var scarce = await PumpAsync(onHand: 1m);
        var order = await PostAsync(rep, "/api/v1/orders", new
        {
            customerId = customer, language = "en", warehouseId = 1,
            lines = new[] { new { productId = plenty, quantity = 2m }, new { productId = scarce, quantity = 2m } },
        });
        var id = order.GetProperty("id").GetInt32();

        var shortage = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { version = 1 }), HttpStatusCode.BadRequest);

        Assert.True(shortage.GetProperty("errors").TryGetProperty("lines[1].quantity", out _), shortage.ToString());
        var unchanged = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}");
        Assert.Equal(("draft", 1L, 1), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("version").GetInt64(), unchanged.GetProperty("warehouseId").GetInt32()));
        Assert.All(unchanged.GetProperty("shipping").EnumerateArray(), l => Assert.Equal(0m, l.GetProperty("reserved").GetDecimal()));
    }

    [Fact]
    public async Task AnotherTeamsRepGetsNotFoundAndCannotOrderTheQuote()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var pump = await PumpAsync();
        var order = await PostAsync(rep, "/api/v1/orders", new { customerId = customer, language = "zh-CN", lines = new[] { new { productId = pump, quantity = 1m } } });
        var id = order.GetProperty("id").GetInt32();

        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/orders/{id}"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { version = 1 }), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(
            await other.PostAsJsonAsync("/api/v1/orders", new { customerId = customer, language = "zh-CN", lines = new[] { new { productId = pump, quantity = 1m } } }),
            HttpStatusCode.NotFound);

        Assert.Equal("draft", (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}")).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpClient Rep, int Customer)> RepWithCustomerAsync()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customer = await PostAsync(rep, "/api/v1/customers", new { name = "订单客户 " + Guid.NewGuid().ToString("N")[..8], status = "active" });
        return (rep, customer.GetProperty("id").GetInt32());
    }

    /// <summary>A new product with <paramref name="onHand"/> received into the main warehouse.</summary>
    private async Task<int> PumpAsync(decimal onHand = 100m)
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var pump = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps", listPrice: 1000m);
        await PostAsync(manager, "/api/v1/stock/receipts", new { productId = pump, warehouseId = 1, quantity = onHand });
        return pump;
    }
}
