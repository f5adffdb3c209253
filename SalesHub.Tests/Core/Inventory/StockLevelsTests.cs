using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Inventory;

public sealed class StockLevelsTests : IDisposable
{
    private readonly StockCompany _company = new();

    private StockLevels Levels => _company.Levels;

    private Actor Manager => _company.Manager;

    [Fact]
    public async Task EveryProductShowsInEveryActiveWarehouseWithZerosWhereItHasNoStock()
    {
        var pump = await _company.StockedProductAsync(4m, "PUMP-1");
        var valve = await _company.AddProductAsync("VALVE-1");
        var shanghai = await _company.AddWarehouseAsync("SH");
        await _company.AddWarehouseAsync("OLD", active: false);

        var page = await Levels.ListAsync(Actor.For(_company.Rita), new StockLevelQuery());

        Assert.Equal(4, page.Total);
        Assert.Equal(
            [(pump, "MAIN", 4m, 4m), (pump, "SH", 0m, 0m), (valve, "MAIN", 0m, 0m), (valve, "SH", 0m, 0m)],
            page.Items.Select(r => (r.ProductId, r.WarehouseCode, r.OnHand, r.Available)));
        Assert.Equal(2, (await Levels.ListAsync(Manager, new StockLevelQuery { WarehouseId = shanghai })).Total);
    }

    [Fact]
    public async Task TheLevelsAreSearchedBySkuOrNameAndPagedInOrder()
    {
        await _company.AddProductAsync("TANK-1", "Water tank");
        await _company.AddProductAsync("PUMP-1", "Water pump");
        await _company.AddProductAsync("HOSE-1", "Garden hose");

        var water = await Levels.ListAsync(Manager, new StockLevelQuery { Search = "water", PageSize = 1, Page = 2 });
        var hoses = await Levels.ListAsync(Manager, new StockLevelQuery { Search = "hose-1" });

        Assert.Equal((2, "TANK-1"), (water.Total, Assert.Single(water.Items).Sku));
        Assert.Equal("HOSE-1", Assert.Single(hoses.Items).Sku);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Levels.ListAsync(Manager, new StockLevelQuery { PageSize = 500 }));
        Assert.Equal("pageSize", refused.Field);
    }

    [Fact]
    public async Task AProductIsLowWhenWhatIsAvailableEverywhereIsAtOrBelowItsReorderPoint()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var valve = await _company.AddProductAsync("VALVE-1");
        var hose = await _company.StockedProductAsync(10m, "HOSE-1");
        var shanghai = await _company.AddWarehouseAsync("SH");
        await _company.Ledger.TransferAsync(Manager, new StockTransfer(pump, Warehouse.MainId, shanghai, 5m));
        await _company.Ledger.SetReorderPointAsync(Manager, pump, 6m, 1);
        await _company.Ledger.SetReorderPointAsync(Manager, valve, 0m, 1);
        await _company.Ledger.SetReorderPointAsync(Manager, hose, 2m, 1);
        Assert.Equal([valve], (await Levels.LowStockAsync(Manager)).Items.Select(l => l.ProductId));

        await _company.Ledger.ReserveAsync(Manager, 1, [new(pump, shanghai, 4.5m)], ReservationMode.AllOrNothing);

        var low = await Levels.LowStockAsync(Actor.For(_company.Rita));
        Assert.Equal([(pump, 5.5m, 6m), (valve, 0m, 0m)], low.Items.Select(l => (l.ProductId, l.Available, l.ReorderPoint)));
        var rows = (await Levels.ListAsync(Manager, new StockLevelQuery { LowStockOnly = true })).Items;
        Assert.Equal([(pump, "MAIN", 5m), (pump, "SH", 0.5m), (valve, "MAIN", 0m), (valve, "SH", 0m)], rows.Select(r => (r.ProductId, r.WarehouseCode, r.Available)));
        Assert.All(rows, r => Assert.True(r.IsLow));
    }

    [Fact]
    public async Task AReorderPointIsAProductEditInTheProductsHistory()
    {
        var pump = await _company.AddProductAsync();

        await _company.Ledger.SetReorderPointAsync(Manager, pump, 12.5m, 1);

        var history = await new AuditTrail(_company.Database).HistoryAsync<Product>(Manager, pump);
        Assert.Equal(new FieldChange(nameof(Product.ReorderPoint), null, "12.5"), Assert.Single(history[0].Changes));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _company.Ledger.SetReorderPointAsync(Manager, pump, 3m, 1));
        var refused = await Assert.ThrowsAsync<DomainException>(() => _company.Ledger.SetReorderPointAsync(Manager, pump, -1m, 2));
        Assert.Equal(("Inventory.NegativeReorderPoint", "reorderPoint"), (refused.Code, refused.Field));
        await Assert.ThrowsAsync<ForbiddenException>(() => _company.Ledger.SetReorderPointAsync(Actor.For(_company.Rita), pump, 3m, 2));
    }

    [Fact]
    public async Task WhatCanBePromisedIsAvailableStockInActiveWarehouses()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var valve = await _company.AddProductAsync("VALVE-1");
        var old = await _company.AddWarehouseAsync("OLD");
        await _company.Ledger.TransferAsync(Manager, new StockTransfer(pump, Warehouse.MainId, old, 3m));
        await _company.Ledger.ReserveAsync(Manager, 1, [new(pump, Warehouse.MainId, 2m)], ReservationMode.AllOrNothing);
        await _company.Warehouses.UpdateAsync(Manager, old, new WarehouseDetails("OLD", "Old", "旧仓", IsActive: false), 1);

        var available = await Levels.AvailableAsync(Actor.For(_company.Rita), [pump, valve]);

        Assert.Equal(new Dictionary<int, decimal> { [pump] = 5m, [valve] = 0m }, available);
    }

    [Fact]
    public async Task AvailabilityIsPerActiveWarehouseMainFirstAndOnlyForProductsThatTrackStock()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var valve = await _company.AddProductAsync("VALVE-1");
        var service = await _company.Products.CreateAsync(
            Manager, new ProductDetails("SRV-1", "Installation", "安装", "Services", "次", 500m, 100m, TracksStock: false));
        var shanghai = await _company.AddWarehouseAsync("SH");
        var old = await _company.AddWarehouseAsync("OLD");
        await _company.Ledger.TransferAsync(Manager, new StockTransfer(pump, Warehouse.MainId, shanghai, 3m));
        await _company.Ledger.TransferAsync(Manager, new StockTransfer(pump, Warehouse.MainId, old, 1m));
        await _company.Ledger.ReserveAsync(Manager, 1, [new(pump, Warehouse.MainId, 2.5m)], ReservationMode.AllOrNothing);
        await _company.Warehouses.UpdateAsync(Manager, old, new WarehouseDetails("OLD", "Old", "旧仓", IsActive: false), 1);

        var availability = await Levels.AvailabilityAsync(Actor.For(_company.Rita), [pump, valve, service, pump, 99999]);

        Assert.Equal([pump, valve], availability.Keys.Order());
        Assert.Equal(6.5m, availability[pump].Available);
        Assert.Equal([("MAIN", 3.5m), ("SH", 3m)], availability[pump].Warehouses.Select(w => (w.WarehouseCode, w.Available)));
        Assert.Equal((0m, 2), (availability[valve].Available, availability[valve].Warehouses.Count));
        Assert.Empty(await Levels.AvailabilityAsync(Manager, []));
    }

    [Fact]
    public async Task AProductsMovementsArePagedNewestFirst()
    {
        var pump = await _company.StockedProductAsync(1m);
        for (var i = 0; i < 4; i++)
        {
            _company.Database.Clock.Advance(TimeSpan.FromMinutes(1));
            await _company.Ledger.ReceiveAsync(Manager, new StockReceipt(pump, Warehouse.MainId, i + 2));
        }

        var page = await Levels.MovementsAsync(Actor.For(_company.Rita), pump, page: 2, pageSize: 2);

        Assert.Equal(5, page.Total);
        Assert.Equal([3m, 2m], page.Items.Select(m => m.OnHandChange));
    }

    public void Dispose() => _company.Dispose();
}
