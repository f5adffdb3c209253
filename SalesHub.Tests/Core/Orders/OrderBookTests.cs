using SalesHub.Core.Company;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;

namespace SalesHub.Tests.Core.Orders;

public sealed class OrderBookTests : IDisposable
{
    private readonly QuoteCompany _company = new();
    private readonly OrderBook _orders;

    public OrderBookTests() => _orders = new OrderBook(_company.Database, _company.Settings, _company.Database.Clock);

    private Actor Rita => Actor.For(_company.Rita);

    private Actor Martin => Actor.For(_company.Martin);

    [Fact]
    public async Task AnAcceptedQuoteBecomesADraftOrderWithItsLinesAndPricesExactlyAsQuoted()
    {
        var pump = await _company.AddProductAsync("pump-100", 1234.57m);
        var valve = await _company.AddProductAsync("valve-20", 99.99m, taxRate: 6m);
        var quoteId = await AcceptedQuoteAsync(
            _company.Draft(new QuoteLineInput(pump, 3m, DiscountPercent: 5m), new QuoteLineInput(valve, 7.5m, UnitPrice: 95.5m, DiscountAmount: 10m)) with { DiscountAmount = 20m });
        var quote = (await _company.Quotes.GetAsync(Rita, quoteId)).Quote;

        var id = await _orders.CreateFromQuoteAsync(Rita, quoteId);

        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal(($"SO{_company.Today.Year}-00001", OrderStatus.Draft, quoteId, _company.Rita.Id, quote.CustomerId, quote.CustomerName),
            (order.Number, order.Status, order.QuoteId, order.OwnerId, order.CustomerId, order.CustomerName));
        Assert.Equal((quote.Untaxed, quote.Tax, quote.Total, quote.DiscountAmount), (order.Untaxed, order.Tax, order.Total, order.DiscountAmount));
        Assert.Equal(
            quote.Lines.Select(l => (l.Position, l.Sku, l.Quantity, l.UnitPrice, l.StandardPrice, l.DiscountPercent, l.DiscountAmount, l.TaxRate, l.Total)),
            order.Lines.OrderBy(l => l.Position).Select(l => (l.Position, l.Sku, l.Quantity, l.UnitPrice, l.StandardPrice, l.DiscountPercent, l.DiscountAmount, l.TaxRate, l.Total)));
    }

    [Fact]
    public async Task OnlyAnAcceptedQuoteBecomesAnOrderAndOnlyOnce()
    {
        var pump = await _company.AddProductAsync();
        var draft = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        var accepted = await AcceptedQuoteAsync(_company.Draft(new QuoteLineInput(pump, 2m)));
        await _orders.CreateFromQuoteAsync(Rita, accepted);

        var notAccepted = await Assert.ThrowsAsync<DomainException>(() => _orders.CreateFromQuoteAsync(Rita, draft));
        var again = await Assert.ThrowsAsync<DomainException>(() => _orders.CreateFromQuoteAsync(Martin, accepted));

        Assert.Equal(("Orders.QuoteNotAccepted", "quoteId"), (notAccepted.Code, notAccepted.Field));
        Assert.Equal(("Orders.QuoteAlreadyOrdered", "quoteId"), (again.Code, again.Field));
        Assert.Equal(1, (await _orders.ListAsync(Martin, new OrderQuery())).Total);
    }

    [Fact]
    public async Task ADirectOrderIsPricedByTheEngineFromTheCustomersStartingPrices()
    {
        var pump = await _company.AddProductAsync("pump-100", 1000m);

        var id = await _orders.CreateAsync(Rita, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, 2m, DiscountPercent: 10m)], DiscountAmount: 50m));

        var view = await _orders.GetAsync(Rita, id);
        var expected = QuotePricing.Calculate(new PricingInput([new PricingLine(2m, 1000m, 13m) { DiscountPercent = 10m }]) { DiscountAmount = 50m });
        Assert.Equal((expected.Untaxed, expected.Tax, expected.Total), (view.Order.Untaxed, view.Order.Tax, view.Order.Total));
        Assert.Equal(expected.Total, view.Totals.Total);
        Assert.True(view.CanEdit);
    }

    [Fact]
    public async Task AnEditThatLeavesOutTheDateKeepsTheOrdersDate()
    {
        var pump = await _company.AddProductAsync();
        var dated = _company.Today.AddDays(-20);
        var id = await _orders.CreateAsync(Rita, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, 1m)], OrderDate: dated));

        await _orders.UpdateDraftAsync(Rita, id, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, 5m)]), 1);

        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal((dated, 5m), (order.OrderDate, order.Lines.Single().Quantity));
    }

    [Fact]
    public async Task BadLinesAreRefusedNamingTheFieldAndSaveNothing()
    {
        var inactive = await _company.AddProductAsync("old-1", active: false);
        var pump = await _company.AddProductAsync();

        var negative = await Assert.ThrowsAsync<DomainException>(() =>
            _orders.CreateAsync(Rita, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, -1m)])));
        var old = await Assert.ThrowsAsync<DomainException>(() =>
            _orders.CreateAsync(Rita, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, 1m), new QuoteLineInput(inactive, 1m)])));

        Assert.Equal("lines[0].quantity", negative.Field);
        Assert.Equal("lines[1].productId", old.Field);
        Assert.Equal(0, (await _orders.ListAsync(Rita, new OrderQuery())).Total);
    }

    [Fact]
    public async Task AnOrderIsConfirmedShippedInPartsAndCompleted()
    {
        var id = await DirectOrderAsync(5m, 2m);
        await _orders.ConfirmAsync(Rita, id, 1);
        var lines = (await _orders.GetAsync(Rita, id)).Order.Lines.OrderBy(l => l.Position).ToList();

        await _orders.ShipAsync(Rita, id, [new ShipmentLine(lines[0].Id, 3m)], 2);
        Assert.Equal(OrderStatus.PartiallyShipped, (await _orders.GetAsync(Rita, id)).Order.Status);
        await _orders.ShipAsync(Rita, id, [new ShipmentLine(lines[0].Id, 2m), new ShipmentLine(lines[1].Id, 2m)], 3);
        Assert.Equal(OrderStatus.Shipped, (await _orders.GetAsync(Rita, id)).Order.Status);
        await _orders.CompleteAsync(Rita, id, 4);

        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal((OrderStatus.Completed, 5L), (order.Status, order.Version));
        Assert.All(order.Lines, l => Assert.Equal(l.Quantity, l.ShippedQuantity));
        Assert.NotNull(order.ConfirmedAt);
        Assert.NotNull(order.CompletedAt);
    }

    [Fact]
    public async Task ShippingMoreThanIsLeftOrAnUnconfirmedOrderIsRefusedAndChangesNothing()
    {
        var id = await DirectOrderAsync(5m);
        var line = (await _orders.GetAsync(Rita, id)).Order.Lines[0].Id;
        var unconfirmed = await Assert.ThrowsAsync<DomainException>(() => _orders.ShipAsync(Rita, id, [new ShipmentLine(line, 1m)], 1));
        await _orders.ConfirmAsync(Rita, id, 1);
        await _orders.ShipAsync(Rita, id, [new ShipmentLine(line, 4m)], 2);

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => _orders.ShipAsync(Rita, id, [new ShipmentLine(line, 2m)], 3));
        var zero = await Assert.ThrowsAsync<DomainException>(() => _orders.ShipAsync(Rita, id, [new ShipmentLine(line, 0m)], 3));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => _orders.ShipAsync(Rita, id, [new ShipmentLine(line + 1000, 1m)], 3));

        Assert.Equal("Orders.InvalidTransition", unconfirmed.Code);
        Assert.Equal(("Orders.ShipMoreThanOrdered", "lines[0].quantity", 1m), (tooMany.Code, tooMany.Field, (decimal)tooMany.Arguments[0]!));
        Assert.Equal("Orders.ShipQuantityPositive", zero.Code);
        Assert.Equal("Orders.UnknownLine", unknown.Code);
        var order = (await _orders.GetAsync(Rita, id)).Order;
        Assert.Equal((OrderStatus.PartiallyShipped, 3L, 4m), (order.Status, order.Version, order.Lines[0].ShippedQuantity));
    }

    [Fact]
    public async Task CancellingNeedsAReasonAndIsRefusedOnceAnythingIsShipped()
    {
        var confirmed = await DirectOrderAsync(2m);
        await _orders.ConfirmAsync(Rita, confirmed, 1);
        var shipped = await DirectOrderAsync(2m);
        await _orders.ConfirmAsync(Rita, shipped, 1);
        await _orders.ShipAsync(Rita, shipped, [new ShipmentLine((await _orders.GetAsync(Rita, shipped)).Order.Lines[0].Id, 1m)], 2);

        var noReason = await Assert.ThrowsAsync<DomainException>(() => _orders.CancelAsync(Rita, confirmed, "  ", 2));
        var afterShipping = await Assert.ThrowsAsync<DomainException>(() => _orders.CancelAsync(Rita, shipped, "Customer changed their mind", 3));
        await _orders.CancelAsync(Rita, confirmed, "Customer changed their mind", 2);

        Assert.Equal(("Orders.CancelReasonRequired", "reason"), (noReason.Code, noReason.Field));
        Assert.Equal("Orders.CannotCancelShipped", afterShipping.Code);
        var cancelled = (await _orders.GetAsync(Rita, confirmed)).Order;
        Assert.Equal((OrderStatus.Cancelled, "Customer changed their mind"), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal(OrderStatus.PartiallyShipped, (await _orders.GetAsync(Rita, shipped)).Order.Status);
    }

    [Fact]
    public async Task AStaleChangeIsRefusedAndAConfirmedOrderIsNoLongerEdited()
    {
        var pump = await _company.AddProductAsync();
        var id = await DirectOrderAsync(1m);
        await _orders.ConfirmAsync(Rita, id, 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _orders.CancelAsync(Martin, id, "Duplicate", 1));
        var edit = await Assert.ThrowsAsync<DomainException>(() =>
            _orders.UpdateDraftAsync(Rita, id, new OrderDraft(_company.RitasCustomer.Id, null, "en", [new QuoteLineInput(pump, 9m)]), 2));

        Assert.Equal("Orders.ReadOnly", edit.Code);
        Assert.Equal((OrderStatus.Confirmed, 2L), ((await _orders.GetAsync(Rita, id)).Order.Status, (await _orders.GetAsync(Rita, id)).Order.Version));
    }

    [Fact]
    public async Task AnotherTeamsRepDoesNotSeeTheOrderAndTheOwnersManagerMayChangeIt()
    {
        var id = await DirectOrderAsync(1m);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _orders.GetAsync(Actor.For(_company.Sam), id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _orders.ConfirmAsync(Actor.For(_company.Sam), id, 1));
        Assert.Empty((await _orders.ListAsync(Actor.For(_company.Sam), new OrderQuery())).Items);
        await _orders.ConfirmAsync(Martin, id, 1);

        Assert.Equal(OrderStatus.Confirmed, (await _orders.GetAsync(Rita, id)).Order.Status);
    }

    [Fact]
    public async Task OrdersAreNumberedByTheSeriesTheAdministratorConfigures()
    {
        var series = new NumberSeriesSettings(_company.Database, _company.Database.Clock);
        var admin = Actor.For(_company.Admin);
        var first = await DirectOrderAsync(1m);
        var before = await series.GetAsync(admin, NumberSeriesKind.Order);

        await series.UpdateAsync(admin, NumberSeriesKind.Order, "ORD", includeYear: false, digits: 4, before.Version);
        var second = await DirectOrderAsync(1m);
        var third = await DirectOrderAsync(1m);

        Assert.Equal($"SO{_company.Today.Year}-00001", (await _orders.GetAsync(Rita, first)).Order.Number);
        Assert.Equal(["ORD0001", "ORD0002"], [(await _orders.GetAsync(Rita, second)).Order.Number, (await _orders.GetAsync(Rita, third)).Order.Number]);
        Assert.Equal("ORD0001", (await series.GetAsync(Rita, NumberSeriesKind.Order)).Example);
    }

    [Theory]
    [InlineData("", 5, "prefix")]
    [InlineData("SO 2026", 5, "prefix")]
    [InlineData("ABCDEFGHIJK", 5, "prefix")]
    [InlineData("SO", 2, "digits")]
    [InlineData("SO", 10, "digits")]
    public async Task ABadSeriesIsRefusedNamingTheField(string prefix, int digits, string field)
    {
        var series = new NumberSeriesSettings(_company.Database, _company.Database.Clock);
        var admin = Actor.For(_company.Admin);
        var before = await series.GetAsync(admin, NumberSeriesKind.Order);

        var error = await Assert.ThrowsAsync<DomainException>(() => series.UpdateAsync(admin, NumberSeriesKind.Order, prefix, true, digits, before.Version));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, await series.GetAsync(admin, NumberSeriesKind.Order));
        await Assert.ThrowsAsync<ForbiddenException>(() => series.UpdateAsync(Martin, NumberSeriesKind.Order, "SO", true, 5, before.Version));
    }

    [Fact]
    public async Task TheListFiltersByStatusCustomerAndQuoteAndSearchesNumbersAndNames()
    {
        var pump = await _company.AddProductAsync();
        var fromQuote = await _orders.CreateFromQuoteAsync(Rita, await AcceptedQuoteAsync(_company.Draft(new QuoteLineInput(pump, 1m))));
        var confirmed = await DirectOrderAsync(1m);
        await _orders.ConfirmAsync(Rita, confirmed, 1);
        var other = await _orders.CreateAsync(Rita, new OrderDraft(_company.CustomerWithContact.Id, null, "zh-CN", [new QuoteLineInput(pump, 1m)]));
        var quoteId = (await _orders.GetAsync(Rita, fromQuote)).Order.QuoteId;

        async Task<IEnumerable<int>> IdsAsync(OrderQuery query) => (await _orders.ListAsync(Rita, query with { Sort = "number" })).Items.Select(o => o.Id);

        Assert.Equal([confirmed], await IdsAsync(new OrderQuery { Status = OrderStatus.Confirmed }));
        Assert.Equal([other], await IdsAsync(new OrderQuery { CustomerId = _company.CustomerWithContact.Id }));
        Assert.Equal([fromQuote], await IdsAsync(new OrderQuery { QuoteId = quoteId }));
        Assert.Equal([other], await IdsAsync(new OrderQuery { Search = "联合" }));
        Assert.Equal([confirmed], await IdsAsync(new OrderQuery { Search = "00002" }));
        Assert.Equal([fromQuote, confirmed, other], await IdsAsync(new OrderQuery()));
    }

    private async Task<int> AcceptedQuoteAsync(QuoteDraft draft)
    {
        var id = await _company.Quotes.CreateDraftAsync(Rita, draft);
        Assert.Equal(QuoteStatus.Sent, await _company.Quotes.SendAsync(Rita, id, 1));
        await _company.Quotes.AcceptAsync(Rita, id, 2);
        return id;
    }

    private async Task<int> DirectOrderAsync(params decimal[] quantities)
    {
        var pump = await _company.AddProductAsync("sku-" + Guid.NewGuid().ToString("N")[..8]);
        await new StockLedger(_company.Database).ReceiveAsync(Martin, new StockReceipt(pump, Warehouse.MainId, 100m));
        return await _orders.CreateAsync(Rita, new OrderDraft(_company.RitasCustomer.Id, null, "en", quantities.Select(q => new QuoteLineInput(pump, q)).ToList()));
    }

    public void Dispose() => _company.Dispose();
}
