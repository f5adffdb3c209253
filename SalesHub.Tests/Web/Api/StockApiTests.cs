using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class StockApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AManagerBooksReceiptsCountsAndTransfersAndEveryoneReadsTheLevelsAndMovements()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var sku = ProductApiTests.UniqueSku();
        var product = await ProductApiTests.CreateAsync(manager, sku, "Pumps");
        var code = "W" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var warehouse = await manager.PostAsJsonAsync("/api/v1/stock/warehouses", new { code, nameEn = "Branch", nameZh = "分仓" });
        Assert.Equal(HttpStatusCode.Created, warehouse.StatusCode);
        var branch = (await warehouse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/stock/receipts", new { productId = product, quantity = 10.5m, note = "PO 1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/stock/adjustments", new { productId = product, change = -0.5m, reason = "Count" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/stock/transfers", new { productId = product, fromWarehouseId = 1, toWarehouseId = branch, quantity = 4m })).StatusCode);

        var levels = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/stock?search={sku}&pageSize=200");
        var rows = levels.GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("warehouseCode").GetString()!, r => (r.GetProperty("onHand").GetDecimal(), r.GetProperty("available").GetDecimal()));
        Assert.Equal((6m, 6m), rows["MAIN"]);
        Assert.Equal((4m, 4m), rows[code]);
        var movements = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/stock/movements?productId={product}");
        Assert.Equal(["transferIn", "transferOut", "adjustment", "receipt"], movements.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task BadInputAndARepsBookingAreRefusedAndTheLowStockListFollowsTheReorderPoint()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var product = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps");

        var negative = await ApiProblem.AssertAsync(await manager.PostAsJsonAsync("/api/v1/stock/receipts", new { productId = product, quantity = -3m }), HttpStatusCode.BadRequest);
        Assert.Equal("Inventory.QuantityNotPositive", negative.GetProperty("code").GetString());
        Assert.True(negative.GetProperty("errors").TryGetProperty("quantity", out _));
        var noReason = await ApiProblem.AssertAsync(await manager.PostAsJsonAsync("/api/v1/stock/adjustments", new { productId = product, change = 1m }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/stock/receipts", new { productId = product, quantity = 1m }), HttpStatusCode.Forbidden);
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/stock/movements?productId={product}")).GetProperty("total").GetInt32());

        var set = await manager.PutAsJsonAsync($"/api/v1/stock/reorder-points/{product}", new { reorderPoint = 2m, version = 1 });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var low = await rep.GetFromJsonAsync<JsonElement>("/api/v1/stock/low?pageSize=200");
        Assert.Contains(low.GetProperty("items").EnumerateArray(), l => l.GetProperty("productId").GetInt32() == product);
        await ApiProblem.AssertAsync(await manager.PutAsJsonAsync($"/api/v1/stock/reorder-points/{product}", new { reorderPoint = 3m, version = 1 }), HttpStatusCode.Conflict);
    }
}
