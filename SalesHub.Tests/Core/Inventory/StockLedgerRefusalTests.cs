using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Inventory;

/// <summary>Every refused call names the field and leaves the ledger — movements, balances, reservations — as it was.</summary>
public sealed class StockLedgerRefusalTests : IDisposable
{
    private readonly StockCompany _company = new();

    private StockLedger Ledger => _company.Ledger;

    private Actor Manager => _company.Manager;

    [Theory]
    [InlineData(-5, "Inventory.QuantityNotPositive")]
    [InlineData(0, "Inventory.QuantityNotPositive")]
    [InlineData(1.0005, "Errors.TooManyDecimals")]
    [InlineData(2_000_000_000, "Inventory.QuantityTooLarge")]
    public async Task AReceiptOfABadQuantityIsRefused(double quantity, string code)
    {
        var product = await _company.StockedProductAsync(3m);

        await RefusedAsync(code, "quantity", () => Ledger.ReceiveAsync(Manager, new StockReceipt(product, Warehouse.MainId, (decimal)quantity)));
    }

    [Fact]
    public async Task AReceiptForAnUnknownProductOrIntoAnInactiveWarehouseIsRefused()
    {
        var product = await _company.StockedProductAsync(3m);
        var closed = await _company.AddWarehouseAsync("OLD", active: false);

        await RefusedAsync("Inventory.UnknownProduct", "productId", () => Ledger.ReceiveAsync(Manager, new StockReceipt(product + 100, Warehouse.MainId, 1m)));
        await RefusedAsync("Inventory.WarehouseInactive", "warehouseId", () => Ledger.ReceiveAsync(Manager, new StockReceipt(product, closed, 1m)));
        await RefusedAsync("Inventory.UnknownWarehouse", "warehouseId", () => Ledger.ReceiveAsync(Manager, new StockReceipt(product, 999, 1m)));
    }

    [Fact]
    public async Task ShippingMoreThanTheOrderHoldsIsRefused()
    {
        var product = await _company.StockedProductAsync(10m);
        await Ledger.ReserveAsync(Manager, 1, [new(product, Warehouse.MainId, 2m)], ReservationMode.AllOrNothing);
        await Ledger.ReserveAsync(Manager, 2, [new(product, Warehouse.MainId, 5m)], ReservationMode.AllOrNothing);

        var refused = await RefusedAsync("Inventory.NotReserved", "lines[0].quantity", () => Ledger.ShipAsync(Manager, 1, [new(product, Warehouse.MainId, 3m)]));

        Assert.Equal(new object?[] { "PUMP-100", 2m }, refused.Arguments);
        await RefusedAsync("Inventory.NotReserved", "lines[0].quantity", () => Ledger.ShipAsync(Manager, 3, [new(product, Warehouse.MainId, 1m)]));
    }

    [Fact]
    public async Task AShipmentWithOneLineTooManyShipsNoneOfItsLines()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var hose = await _company.StockedProductAsync(10m, "HOSE-1");
        await Ledger.ReserveAsync(Manager, 1, [new(pump, Warehouse.MainId, 2m), new(hose, Warehouse.MainId, 2m)], ReservationMode.AllOrNothing);

        await RefusedAsync("Inventory.NotReserved", "lines[1].quantity",
            () => Ledger.ShipAsync(Manager, 1, [new(pump, Warehouse.MainId, 2m), new(hose, Warehouse.MainId, 2.5m)]));
    }

    [Fact]
    public async Task ReservingMoreThanIsAvailableAllOrNothingReservesNoLine()
    {
        var pump = await _company.StockedProductAsync(10m, "PUMP-1");
        var hose = await _company.StockedProductAsync(3m, "HOSE-1");
        await Ledger.ReserveAsync(Manager, 1, [new(hose, Warehouse.MainId, 1m)], ReservationMode.AllOrNothing);

        var refused = await RefusedAsync("Inventory.InsufficientStock", "lines[1].quantity",
            () => Ledger.ReserveAsync(Manager, 2, [new(pump, Warehouse.MainId, 4m), new(hose, Warehouse.MainId, 2.5m)], ReservationMode.AllOrNothing));

        Assert.Equal(new object?[] { "HOSE-1", 2m }, refused.Arguments);
    }

    [Fact]
    public async Task AdjustingOnHandBelowWhatIsReservedIsRefused()
    {
        var product = await _company.StockedProductAsync(10m);
        await Ledger.ReserveAsync(Manager, 1, [new(product, Warehouse.MainId, 7m)], ReservationMode.AllOrNothing);

        var refused = await RefusedAsync("Inventory.BelowReserved", "change",
            () => Ledger.AdjustAsync(Manager, new StockAdjustment(product, Warehouse.MainId, -3.5m, "Count")));

        Assert.Equal(new object?[] { "PUMP-100", 3m }, refused.Arguments);
    }

    [Theory]
    [InlineData(0, "Count", "Inventory.ZeroChange", "change")]
    [InlineData(-1, "  ", "Inventory.ReasonRequired", "reason")]
    public async Task AnAdjustmentNeedsAChangeAndAReason(int change, string reason, string code, string field)
    {
        var product = await _company.StockedProductAsync(10m);

        await RefusedAsync(code, field, () => Ledger.AdjustAsync(Manager, new StockAdjustment(product, Warehouse.MainId, change, reason)));
    }

    [Fact]
    public async Task ATransferOfMoreThanIsAvailableOrToTheSameWarehouseIsRefused()
    {
        var product = await _company.StockedProductAsync(10m);
        var shanghai = await _company.AddWarehouseAsync("SH");
        await Ledger.ReserveAsync(Manager, 1, [new(product, Warehouse.MainId, 8m)], ReservationMode.AllOrNothing);

        await RefusedAsync("Inventory.InsufficientStock", "quantity", () => Ledger.TransferAsync(Manager, new StockTransfer(product, Warehouse.MainId, shanghai, 3m)));
        await RefusedAsync("Inventory.InsufficientStock", "quantity", () => Ledger.TransferAsync(Manager, new StockTransfer(product, shanghai, Warehouse.MainId, 1m)));
        await RefusedAsync("Inventory.SameWarehouse", "toWarehouseId", () => Ledger.TransferAsync(Manager, new StockTransfer(product, shanghai, shanghai, 1m)));
    }

    [Fact]
    public async Task AReservationNeedsAnOrderLinesAndKnownProducts()
    {
        var product = await _company.StockedProductAsync(10m);

        await RefusedAsync("Inventory.UnknownOrder", "orderId", () => Ledger.ReserveAsync(Manager, 0, [new(product, Warehouse.MainId, 1m)], ReservationMode.Partial));
        await RefusedAsync("Inventory.NoLines", "lines", () => Ledger.ReserveAsync(Manager, 1, [], ReservationMode.Partial));
        await RefusedAsync("Inventory.QuantityNotPositive", "lines[1].quantity",
            () => Ledger.ReserveAsync(Manager, 1, [new(product, Warehouse.MainId, 1m), new(product, Warehouse.MainId, -1m)], ReservationMode.Partial));
        await RefusedAsync("Inventory.UnknownProduct", "lines[0].productId", () => Ledger.ReserveAsync(Manager, 1, [new(product + 1, Warehouse.MainId, 1m)], ReservationMode.Partial));
    }

    private async Task<DomainException> RefusedAsync(string code, string field, Func<Task> call)
    {
        var before = await _company.LedgerSnapshotAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(call);

        Assert.Equal((code, field), (refused.Code, refused.Field));
        Assert.Equal(before, await _company.LedgerSnapshotAsync());
        return refused;
    }

    public void Dispose() => _company.Dispose();
}
