using SalesHub.Core.Inventory;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo stock a new installation starts with, seeded as the app seeds it at start-up.</summary>
public sealed class DemoStockTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task GoodsAreInTwoWarehousesAndAFewAreAtOrUnderTheirReorderPoint()
    {
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var levels = core.Get<StockLevels>();

        var pumps = (await levels.ListAsync(rep, new StockLevelQuery { Search = "PMP-CD-50" })).Items;
        var low = (await levels.LowStockAsync(rep)).Items;

        Assert.Equal([("MAIN", 12m), ("SZ", 4m)], pumps.Select(r => (r.WarehouseCode, r.OnHand)));
        Assert.Equal(["INS-FLOW-DN50", "PMP-DOS-5", "VLV-SOL-24V"], low.Select(l => l.Sku).Order());
        var history = (await levels.MovementsAsync(rep, pumps[0].ProductId)).Items;
        Assert.Contains(history, m => m.Kind == StockMovementKind.Adjustment && m.Reason == "Opening count");
        Assert.All(history, m => Assert.Equal("Alice Admin", m.UserName));
    }
}
