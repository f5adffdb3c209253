using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Inventory;

/// <summary>The stock reads translate to each supported database's SQL and give the same answers.</summary>
public abstract class StockQueriesContract(CoreServices core)
{
    [Fact]
    public async Task LevelsLowStockAvailabilityAndHistoryReadTheBalances()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var ledger = core.Get<StockLedger>();
        var levels = core.Get<StockLevels>();
        var sku = "Q-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var product = await core.Get<ProductCatalog>().CreateAsync(manager, new ProductDetails(sku, "Query " + sku, null, null, "kg", 1m, 0m));
        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 7.25m));
        await ledger.ReserveAsync(manager, product, [new(product, Warehouse.MainId, 2.5m)], ReservationMode.AllOrNothing);
        await ledger.SetReorderPointAsync(manager, product, 5m, 1);

        var rows = (await levels.ListAsync(manager, new StockLevelQuery { Search = sku, LowStockOnly = true, PageSize = 200 })).Items;
        var low = (await levels.LowStockAsync(manager, pageSize: 200)).Items.Single(l => l.ProductId == product);
        var available = await levels.AvailableAsync(manager, [product]);
        var history = (await levels.MovementsAsync(manager, product)).Items;

        var main = rows.Single(r => r.WarehouseId == Warehouse.MainId);
        Assert.Equal((7.25m, 2.5m, 4.75m, 4.75m, true), (main.OnHand, main.Reserved, main.Available, main.ProductAvailable, main.IsLow));
        Assert.Equal((4.75m, 5m), (low.Available, low.ReorderPoint));
        Assert.Equal(4.75m, available[product]);
        Assert.Equal([StockMovementKind.Reservation, StockMovementKind.Receipt], history.Select(m => m.Kind));
        Assert.All(history, m => Assert.Equal(("MAIN", "Martin Manager", TimeSpan.Zero), (m.WarehouseCode, m.UserName, m.OccurredAt.Offset)));
    }
}

public sealed class SqliteStockQueriesTests(SqliteCoreServices core) : StockQueriesContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresStockQueriesTests(PostgresCoreServices core) : StockQueriesContract(core), IClassFixture<PostgresCoreServices>;
