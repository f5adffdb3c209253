using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Inventory;
using SalesHub.Tests.Core.Quoting;

namespace SalesHub.Tests.Core.Orders;

/// <summary>Orders move stock: confirming reserves, shipping consumes, cancelling releases, services take no part.</summary>
public sealed class OrderStockTests : IDisposable
{
    private readonly QuoteCompany _company = new();
    private readonly OrderBook _orders;
    private readonly StockLedger _ledger;
    private readonly StockLevels _levels;

    public OrderStockTests()
    {
        _orders = new OrderBook(_company.Database, _company.Settings, _company.Database.Clock);
        _ledger = new StockLedger(_company.Database);
        _levels = new StockLevels(_company.Database);
    }

    private Actor Rita => Actor.For(_company.Rita);

    private Actor Martin => Actor.For(_company.Martin);

    [Fact]
    public async Task ConfirmingReservesTheStockedLinesPerProductAndTheLevelsShowIt()
    {
        var pump = await StockedAsync("PUMP-1", 10m);
        var install = await ServiceAsync();
        var id = await OrderAsync((pump, 3m), (install, 1m), (pump, 2m));

        await _orders.ConfirmAsync(Rita, id, 1);

        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal([3m, 0m, 2m], order.Lines.OrderBy(l => l.Position).Select(l => l.ReservedQuantity));
        Assert.Equal((10m, 5m, 5m), await LevelAsync("PUMP-1"));
        Assert.Equal(1, await MovementsAsync(StockMovementKind.Reservation));
    }

    [Fact]
    public async Task AllOrNothingWithTooLittleStockRefusesNamingTheLineAndChangesNothing()
    {
        var pump = await StockedAsync("PUMP-1", 10m);
        var valve = await StockedAsync("VALVE-1", 1m);
        var id = await OrderAsync((pump, 2m), (valve, 3m));
        var before = await LedgerAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => _orders.ConfirmAsync(Rita, id, 1));

        Assert.Equal(("Inventory.InsufficientStock", "lines[1].quantity"), (refused.Code, refused.Field));
        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal((OrderStatus.Draft, 1L), (order.Status, order.Version));
        Assert.All(order.Lines, l => Assert.Equal(0m, l.ReservedQuantity));
        Assert.Equal(before, await LedgerAsync());
    }

    [Fact]
    public async Task PartialReservesWhatThereIsAndShippingMoreThanALineHoldsIsRefused()
    {
        await UseAsync(ReservationMode.Partial, winDeals: true);
        var valve = await StockedAsync("VALVE-1", 1m);
        var id = await OrderAsync((valve, 3m));

        await _orders.ConfirmAsync(Rita, id, 1);
        var line = Assert.Single((await _orders.GetAsync(Rita, id)).Order.Lines);
        var before = await LedgerAsync();
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => _orders.ShipAsync(Rita, id, [new ShipmentLine(line.Id, 2m)], 2));

        Assert.Equal((OrderStatus.Confirmed, 1m), ((await _orders.GetAsync(Rita, id)).Order.Status, line.ReservedQuantity));
        Assert.Equal(("Orders.ShipMoreThanReserved", "lines[0].quantity", 1m), (tooMuch.Code, tooMuch.Field, (decimal)tooMuch.Arguments[0]!));
        Assert.Equal(before, await LedgerAsync());
        Assert.Equal((1m, 1m, 0m), await LevelAsync("VALVE-1"));
    }

    [Fact]
    public async Task ShippingConsumesTheReservationAndCancellingReleasesTheRest()
    {
        var pump = await StockedAsync("PUMP-1", 10m);
        var shipped = await OrderAsync((pump, 4m));
        var cancelled = await OrderAsync((pump, 3m));
        await _orders.ConfirmAsync(Rita, shipped, 1);
        await _orders.ConfirmAsync(Rita, cancelled, 1);
        var line = Assert.Single((await _orders.GetAsync(Rita, shipped)).Order.Lines).Id;

        await _orders.ShipAsync(Rita, shipped, [new ShipmentLine(line, 1m), new ShipmentLine(line, 2m)], 2);
        Assert.Equal((7m, 4m, 3m), await LevelAsync("PUMP-1"));
        await _orders.CancelAsync(Rita, cancelled, "Customer changed their mind", 2);

        Assert.Equal((7m, 1m, 6m), await LevelAsync("PUMP-1"));
        Assert.Equal(1m, Assert.Single((await _orders.GetAsync(Rita, shipped)).Order.Lines).ReservedQuantity);
        Assert.Equal(0m, Assert.Single((await _orders.GetAsync(Rita, cancelled)).Order.Lines).ReservedQuantity);
        Assert.Equal((1, 1), (await MovementsAsync(StockMovementKind.Shipment), await MovementsAsync(StockMovementKind.Release)));
    }

    [Fact]
    public async Task ServicesNeitherReserveNorShipStock()
    {
        var install = await ServiceAsync();
        var id = await OrderAsync((install, 2m));

        await _orders.ConfirmAsync(Rita, id, 1);
        await _orders.ShipAsync(Rita, id, [new ShipmentLine(Assert.Single((await _orders.GetAsync(Rita, id)).Order.Lines).Id, 2m)], 2);

        Assert.Equal(OrderStatus.Shipped, (await _orders.GetAsync(Rita, id)).Order.Status);
        Assert.Equal(0, await MovementsAsync(null));
    }

    [Fact]
    public async Task AnOrderReservesInItsOwnActiveWarehouse()
    {
        var pump = await StockedAsync("PUMP-1", 10m);
        var warehouses = new Warehouses(_company.Database);
        var closed = await warehouses.CreateAsync(Martin, new WarehouseDetails("OLD", "Old", "旧仓", IsActive: false));
        var shanghai = await warehouses.CreateAsync(Martin, new WarehouseDetails("SH", "Shanghai", "上海"));
        await _ledger.ReceiveAsync(Martin, new StockReceipt(pump, shanghai, 5m));

        var inactive = await Assert.ThrowsAsync<DomainException>(() => _orders.CreateAsync(Rita, Draft([(pump, 1m)]) with { WarehouseId = closed }));
        var id = await _orders.CreateAsync(Rita, Draft([(pump, 4m)]) with { WarehouseId = shanghai });
        await _orders.ConfirmAsync(Rita, id, 1);

        Assert.Equal(("Inventory.WarehouseInactive", "warehouseId"), (inactive.Code, inactive.Field));
        Assert.Equal((5m, 4m, 1m), await LevelAsync("PUMP-1", shanghai));
        Assert.Equal((10m, 0m, 10m), await LevelAsync("PUMP-1"));
    }

    [Fact]
    public async Task ReservingTheRestTakesWhatAReceiptBroughtForWhatIsLeftToShip()
    {
        await UseAsync(ReservationMode.Partial, winDeals: true);
        var valve = await StockedAsync("VALVE-1", 1m);
        var install = await ServiceAsync();
        var id = await OrderAsync((valve, 4m), (install, 1m));
        await _orders.ConfirmAsync(Rita, id, 1);
        var line = (await _orders.GetAsync(Rita, id)).Order.Lines.Single(l => l.ProductId == valve).Id;
        await _orders.ShipAsync(Rita, id, [new ShipmentLine(line, 1m)], 2);
        Assert.Equal(3m, (await _orders.GetAsync(Rita, id)).ShortOf(Line(await _orders.GetAsync(Rita, id), line)));
        await _ledger.ReceiveAsync(Martin, new StockReceipt(valve, Warehouse.MainId, 5m));

        var result = await _orders.ReserveRemainingAsync(Rita, id);

        var reserved = Assert.Single(result.Lines);
        Assert.Equal((line, 0, 3m, 3m, 3m, 0m), (reserved.LineId, reserved.Index, reserved.Remaining, reserved.Reserved, reserved.Added, reserved.Short));
        Assert.True(result.Complete);
        var view = await _orders.GetAsync(Rita, id);
        Assert.Equal((OrderStatus.PartiallyShipped, 4L, false), (view.Order.Status, view.Order.Version, view.IsShort));
        Assert.Equal(3m, Line(view, line).ReservedQuantity);
        Assert.Equal((5m, 3m, 2m), await LevelAsync("VALVE-1"));
        Assert.Equal(2, await MovementsAsync(StockMovementKind.Reservation));
    }

    [Fact]
    public async Task ReservingTheRestWithNothingAvailableChangesNothingAndSaysTheLineIsStillShort()
    {
        await UseAsync(ReservationMode.Partial, winDeals: true);
        var valve = await StockedAsync("VALVE-1", 1m);
        var pump = await StockedAsync("PUMP-1", 10m);
        var id = await OrderAsync((pump, 2m), (valve, 3m));
        await _orders.ConfirmAsync(Rita, id, 1);
        var before = await LedgerAsync();

        var result = await _orders.ReserveRemainingAsync(Rita, id);

        Assert.Equal((0m, false), (result.Added, result.Complete));
        Assert.Equal([(0, 0m), (1, 2m)], result.Lines.Select(l => (l.Index, l.Short)));
        var view = await _orders.GetAsync(Rita, id);
        Assert.Equal((2L, true), (view.Order.Version, view.IsShort));
        Assert.Equal(before, await LedgerAsync());
    }

    [Theory]
    [InlineData(OrderStatus.Draft)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Shipped)]
    public async Task OnlyAConfirmedOrPartlyShippedOrderReservesTheRest(OrderStatus status)
    {
        await UseAsync(ReservationMode.Partial, winDeals: true);
        var valve = await StockedAsync("VALVE-1", 2m);
        var id = await OrderAsync((valve, 2m));
        if (status != OrderStatus.Draft)
        {
            await _orders.ConfirmAsync(Rita, id, 1);
        }

        if (status == OrderStatus.Cancelled)
        {
            await _orders.CancelAsync(Rita, id, "Not needed", 2);
        }
        else if (status == OrderStatus.Shipped)
        {
            await _orders.ShipAsync(Rita, id, [new ShipmentLine(Assert.Single((await _orders.GetAsync(Rita, id)).Order.Lines).Id, 2m)], 2);
        }

        await _ledger.ReceiveAsync(Martin, new StockReceipt(valve, Warehouse.MainId, 5m));
        var before = await LedgerAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => _orders.ReserveRemainingAsync(Rita, id));

        Assert.Equal(("Orders.NotReservable", "status"), (refused.Code, refused.Field));
        Assert.Equal(status, (await _orders.GetAsync(Rita, id)).Order.Status);
        Assert.Equal(before, await LedgerAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConfirmingTheOrderOfADealsQuoteWinsTheDealWhenTheCompanySaysSo(bool winDeals)
    {
        await UseAsync(ReservationMode.AllOrNothing, winDeals);
        await using (var db = _company.Database.CreateWidgetContext(Actor.System))
        {
            await PipelineStages.SeedDefaultsAsync(db);
        }

        var deals = new OpportunityBook(_company.Database, _company.Database.Clock);
        var stages = await new PipelineStages(_company.Database).ListAsync(Actor.System);
        var open = stages.First(s => s.Kind == PipelineStageKind.Open).Id;
        var won = stages.First(s => s.Kind == PipelineStageKind.Won).Id;
        var deal = await deals.CreateAsync(Rita, new OpportunityDraft(_company.RitasCustomer.Id, "Pumps", 5000m, _company.Today.AddDays(30), open));
        var pump = await StockedAsync("PUMP-1", 10m);
        var quote = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 2m)) with { OpportunityId = deal });
        await _company.Quotes.SendAsync(Rita, quote, 1);
        await _company.Quotes.AcceptAsync(Rita, quote, 2);
        var id = await _orders.CreateFromQuoteAsync(Rita, quote);

        await _orders.ConfirmAsync(Rita, id, 1);

        var stage = (await deals.GetAsync(Rita, deal)).StageId;
        Assert.Equal(winDeals ? won : open, stage);
        Assert.Equal(winDeals ? 1 : 0, (await deals.HistoryAsync(Rita, deal)).Count(h => h.ToStageId == won));
    }

    private async Task UseAsync(ReservationMode mode, bool winDeals)
    {
        var current = await _company.Settings.GetAsync();
        await _company.Settings.UpdateAsync(Actor.For(_company.Admin),
            current.Details with { LegalNameEn = "Example Ltd", ReservationMode = mode, WinOpportunityOnConfirm = winDeals }, current.Version);
    }

    private async Task<int> StockedAsync(string sku, decimal onHand)
    {
        var id = await _company.AddProductAsync(sku);
        await _ledger.ReceiveAsync(Martin, new StockReceipt(id, Warehouse.MainId, onHand));
        return id;
    }

    private Task<int> ServiceAsync() =>
        new ProductCatalog(_company.Database, new SalesHub.Core.Records.RecycleBin(_company.Database))
            .CreateAsync(Martin, new ProductDetails("SRV-INSTALL", "Installation", "安装", "Services", "次", 2800m, 1500m, 6m, TracksStock: false));

    private OrderDraft Draft(IEnumerable<(int Product, decimal Quantity)> lines) =>
        new(_company.RitasCustomer.Id, null, "en", lines.Select(l => new QuoteLineInput(l.Product, l.Quantity)).ToList());

    private Task<int> OrderAsync(params (int Product, decimal Quantity)[] lines) => _orders.CreateAsync(Rita, Draft(lines));

    private async Task<(decimal OnHand, decimal Reserved, decimal Available)> LevelAsync(string sku, int warehouseId = Warehouse.MainId)
    {
        var row = Assert.Single((await _levels.ListAsync(Martin, new StockLevelQuery { Search = sku, WarehouseId = warehouseId })).Items);
        return (row.OnHand, row.Reserved, row.Available);
    }

    private async Task<int> MovementsAsync(StockMovementKind? kind)
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        return await db.StockMovements.CountAsync(m => kind == null || m.Kind == kind);
    }

    private static OrderLine Line(OrderView view, int lineId) => view.Order.Lines.Single(l => l.Id == lineId);

    private Task<string> LedgerAsync() => StockCompany.LedgerSnapshotAsync(_company.Database);

    public void Dispose() => _company.Dispose();
}
