using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Inventory;

public sealed class StockLedgerTests : IDisposable
{
    private readonly StockCompany _company = new();

    private StockLedger Ledger => _company.Ledger;

    private Actor Manager => _company.Manager;

    [Fact]
    public async Task AReceiptRaisesOnHandAndAvailableAndIsRecordedWithWhoAndWhen()
    {
        var product = await _company.AddProductAsync();

        await Ledger.ReceiveAsync(Manager, new StockReceipt(product, Warehouse.MainId, 12.5m, "PO 4711"));

        Assert.Equal((12.5m, 0m, 12.5m), await _company.LevelAsync(product));
        var movement = Assert.Single((await _company.Levels.MovementsAsync(Manager, product)).Items);
        Assert.Equal((StockMovementKind.Receipt, 12.5m, 0m, "MAIN", "PO 4711", "Martin", _company.Database.Clock.GetUtcNow(), TimeSpan.Zero),
            (movement.Kind, movement.OnHandChange, movement.ReservedChange, movement.WarehouseCode, movement.Note, movement.UserName, movement.OccurredAt, movement.OccurredAt.Offset));
    }

    [Fact]
    public async Task ReservingShippingAndReleasingMoveReservedOnHandAndAvailable()
    {
        var product = await _company.StockedProductAsync(10m);
        var line = (decimal quantity) => new[] { new StockLine(product, Warehouse.MainId, quantity) };

        var reserved = Assert.Single(await Ledger.ReserveAsync(Manager, 501, line(4m), ReservationMode.AllOrNothing));
        Assert.True(reserved.IsComplete);
        Assert.Equal((10m, 4m, 6m), await _company.LevelAsync(product));

        await Ledger.ShipAsync(Manager, 501, line(3m));
        Assert.Equal((7m, 1m, 6m), await _company.LevelAsync(product));

        await Ledger.ReleaseAsync(Manager, 501, line(1m));
        Assert.Equal((7m, 0m, 7m), await _company.LevelAsync(product));

        var history = (await _company.Levels.MovementsAsync(Manager, product)).Items;
        Assert.Equal(
            [(StockMovementKind.Release, 0m, -1m, (int?)501), (StockMovementKind.Shipment, -3m, -3m, 501), (StockMovementKind.Reservation, 0m, 4m, 501), (StockMovementKind.Receipt, 10m, 0m, null)],
            history.Select(m => (m.Kind, m.OnHandChange, m.ReservedChange, m.OrderId)));
    }

    [Fact]
    public async Task AnOrderShipsInPartsUntilItsReservationIsUsedUp()
    {
        var product = await _company.StockedProductAsync(10m);
        var line = (decimal quantity) => new[] { new StockLine(product, Warehouse.MainId, quantity) };
        await Ledger.ReserveAsync(Manager, 7, line(5m), ReservationMode.AllOrNothing);

        await Ledger.ShipAsync(Manager, 7, line(2m));
        await Ledger.ShipAsync(Manager, 7, line(3m));

        Assert.Equal((5m, 0m, 5m), await _company.LevelAsync(product));
        var refused = await Assert.ThrowsAsync<DomainException>(() => Ledger.ShipAsync(Manager, 7, line(0.001m)));
        Assert.Equal(("Inventory.NotReserved", "lines[0].quantity"), (refused.Code, refused.Field));
    }

    [Fact]
    public async Task AnAdjustmentWithAReasonCorrectsOnHandUpOrDown()
    {
        var product = await _company.StockedProductAsync(10m);

        await Ledger.AdjustAsync(Manager, new StockAdjustment(product, Warehouse.MainId, -2.5m, "Damaged in transit"));
        await Ledger.AdjustAsync(Manager, new StockAdjustment(product, Warehouse.MainId, 1m, "Found at count"));

        Assert.Equal((8.5m, 0m, 8.5m), await _company.LevelAsync(product));
        Assert.Equal(["Found at count", "Damaged in transit", null], (await _company.Levels.MovementsAsync(Manager, product)).Items.Select(m => m.Reason));
    }

    [Fact]
    public async Task ATransferMovesAvailableStockBetweenWarehousesAndNamesTheOtherEnd()
    {
        var product = await _company.StockedProductAsync(10m);
        var shanghai = await _company.AddWarehouseAsync("SH");

        await Ledger.TransferAsync(Manager, new StockTransfer(product, Warehouse.MainId, shanghai, 4m));

        Assert.Equal((6m, 0m, 6m), await _company.LevelAsync(product));
        Assert.Equal((4m, 0m, 4m), await _company.LevelAsync(product, shanghai));
        var halves = (await _company.Levels.MovementsAsync(Manager, product)).Items.Take(2).OrderBy(m => m.Id).ToList();
        Assert.Equal(
            [(StockMovementKind.TransferOut, "MAIN", -4m, "SH"), (StockMovementKind.TransferIn, "SH", 4m, "MAIN")],
            halves.Select(m => (m.Kind, m.WarehouseCode, m.OnHandChange, m.OtherWarehouseCode)));
    }

    [Fact]
    public async Task APartialReservationHoldsWhatIsAvailableOfEachLine()
    {
        var pump = await _company.StockedProductAsync(5m, "PUMP-1");
        var valve = await _company.AddProductAsync("VALVE-1");
        var hose = await _company.StockedProductAsync(20m, "HOSE-1");

        var result = await Ledger.ReserveAsync(Manager, 42, [new(pump, Warehouse.MainId, 8m), new(valve, Warehouse.MainId, 2m), new(hose, Warehouse.MainId, 3m)], ReservationMode.Partial);

        Assert.Equal([(pump, 8m, 5m, false), (valve, 2m, 0m, false), (hose, 3m, 3m, true)], result.Select(r => (r.ProductId, r.Requested, r.Reserved, r.IsComplete)));
        Assert.Equal((5m, 5m, 0m), await _company.LevelAsync(pump));
        Assert.Equal((20m, 3m, 17m), await _company.LevelAsync(hose));
        Assert.Empty((await _company.Levels.MovementsAsync(Manager, valve)).Items);
    }

    [Fact]
    public async Task ReleasingAllOfAnOrderGivesBackWhatItStillHolds()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var hose = await _company.StockedProductAsync(10m, "HOSE-1");
        await Ledger.ReserveAsync(Manager, 9, [new(pump, Warehouse.MainId, 4m), new(hose, Warehouse.MainId, 2m)], ReservationMode.AllOrNothing);
        await Ledger.ShipAsync(Manager, 9, [new(pump, Warehouse.MainId, 1m)]);
        await Ledger.ReserveAsync(Manager, 10, [new(pump, Warehouse.MainId, 1m)], ReservationMode.AllOrNothing);

        var released = await Ledger.ReleaseAllAsync(Manager, 9);

        Assert.Equal([new StockLine(hose, Warehouse.MainId, 2m), new StockLine(pump, Warehouse.MainId, 3m)], released.OrderBy(l => l.ProductId == pump));
        Assert.Equal((9m, 1m, 8m), await _company.LevelAsync(pump));
        Assert.Equal((10m, 0m, 10m), await _company.LevelAsync(hose));
        Assert.Empty(await Ledger.ReleaseAllAsync(Manager, 9));
    }

    [Fact]
    public async Task TheBalancesAreAlwaysTheLedgerSummed()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var shanghai = await _company.AddWarehouseAsync("SH");
        await Ledger.TransferAsync(Manager, new StockTransfer(pump, Warehouse.MainId, shanghai, 3.25m));
        await Ledger.ReserveAsync(Manager, 1, [new(pump, shanghai, 2m), new(pump, Warehouse.MainId, 1.5m)], ReservationMode.AllOrNothing);
        await Ledger.ShipAsync(Manager, 1, [new(pump, shanghai, 1m)]);
        await Ledger.AdjustAsync(Manager, new StockAdjustment(pump, Warehouse.MainId, -0.75m, "Count"));
        await Ledger.ReleaseAllAsync(Manager, 1);

        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var summed = (await db.StockMovements.ToListAsync())
            .GroupBy(m => m.WarehouseId)
            .ToDictionary(g => g.Key, g => (g.Sum(m => m.OnHandChange), g.Sum(m => m.ReservedChange)));
        var balances = await db.StockBalances.ToDictionaryAsync(b => b.WarehouseId, b => (b.OnHand, b.Reserved));
        Assert.Equal(summed.OrderBy(s => s.Key), balances.OrderBy(b => b.Key));
        Assert.Equal((6m, 0m), balances[Warehouse.MainId]);
        Assert.Equal((2.25m, 0m), balances[shanghai]);
    }

    [Fact]
    public async Task AReceiptIsAnnouncedAsAChangeOfTheProductsStockOnceCommitted()
    {
        var product = await _company.AddProductAsync();
        var received = new List<EntityChange>();
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            received.AddRange(changes);
            return Task.CompletedTask;
        });

        var id = await Ledger.ReceiveAsync(Manager, new StockReceipt(product, Warehouse.MainId, 1m));

        Assert.Contains(new EntityChange(StockLedger.StockChange, product, AuditAction.Updated, _company.Martin.Id), received);
        Assert.Contains(new EntityChange(nameof(StockMovement), id, AuditAction.Created, _company.Martin.Id), received);
    }

    [Fact]
    public async Task ShippingAndReleasingAreAnnouncedAsChangesOfTheProductsStock()
    {
        var product = await _company.StockedProductAsync(5m);
        await Ledger.ReserveAsync(Manager, 11, [new(product, Warehouse.MainId, 3m)], ReservationMode.AllOrNothing);
        var received = new List<EntityChange>();
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            received.AddRange(changes.Where(c => c.EntityType == StockLedger.StockChange));
            return Task.CompletedTask;
        });

        await Ledger.ShipAsync(Manager, 11, [new(product, Warehouse.MainId, 1m)]);
        var afterShipping = received.Count;
        await Ledger.ReleaseAsync(Manager, 11, [new(product, Warehouse.MainId, 2m)]);

        Assert.Equal(1, afterShipping);
        Assert.Equal([product, product], received.Select(c => c.EntityId));
    }

    [Fact]
    public async Task ARefusedReservationAnnouncesNothing()
    {
        var product = await _company.StockedProductAsync(1m);
        var received = 0;
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            received += changes.Count;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<DomainException>(() => Ledger.ReserveAsync(Manager, 1, [new(product, Warehouse.MainId, 2m)], ReservationMode.AllOrNothing));

        Assert.Equal(0, received);
    }

    [Fact]
    public async Task OnlyManagersAndAdministratorsBookStockDirectly()
    {
        var product = await _company.AddProductAsync();
        var rita = Actor.For(_company.Rita);

        await Assert.ThrowsAsync<ForbiddenException>(() => Ledger.ReceiveAsync(rita, new StockReceipt(product, Warehouse.MainId, 1m)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Ledger.ReserveAsync(rita, 1, [new(product, Warehouse.MainId, 1m)], ReservationMode.Partial));
        await Ledger.ReceiveAsync(Actor.For(_company.Admin), new StockReceipt(product, Warehouse.MainId, 1m));
        Assert.Equal((1m, 0m, 1m), await _company.LevelAsync(product));
    }

    [Fact]
    public async Task WhatAnOrderHoldsStillShipsAfterItsProductWentToTheRecycleBinButNothingNewIsReserved()
    {
        var product = await _company.StockedProductAsync(10m);
        await Ledger.ReserveAsync(Manager, 5, [new(product, Warehouse.MainId, 3m)], ReservationMode.AllOrNothing);
        await _company.Products.DeleteAsync(Manager, product, 1);

        await Ledger.ShipAsync(Manager, 5, [new(product, Warehouse.MainId, 2m)]);
        Assert.Single(await Ledger.ReleaseAllAsync(Manager, 5));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Ledger.ReserveAsync(Manager, 6, [new(product, Warehouse.MainId, 1m)], ReservationMode.Partial));
        Assert.Equal(("Inventory.UnknownProduct", "lines[0].productId"), (refused.Code, refused.Field));
    }

    public void Dispose() => _company.Dispose();
}
