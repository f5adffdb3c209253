using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;

namespace SalesHub.Tests.Core.Orders;

public sealed class CustomerPurchasesTests : IDisposable
{
    private readonly QuoteCompany _company = new();
    private readonly OrderBook _orders;
    private readonly CustomerPurchases _purchases;
    private readonly CustomerDirectory _directory;

    public CustomerPurchasesTests()
    {
        _orders = new OrderBook(_company.Database, _company.Settings, _company.Database.Clock);
        _purchases = new CustomerPurchases(_company.Database);
        _directory = new CustomerDirectory(_company.Database, new DuplicateDetection(_company.Database));
    }

    private Actor Rita => Actor.For(_company.Rita);

    private int Customer => _company.RitasCustomer.Id;

    [Fact]
    public async Task LifetimeRevenueSumsTheOrdersFromConfirmedToCompletedExactlyToTheCent()
    {
        var pump = await StockedProductAsync("pump-1", 1234.57m);
        var service = await _company.AddProductAsync("srv-1", 99.99m, taxRate: 6m, tracksStock: false);
        var confirmed = await OrderAsync((pump, 3m), (service, 1.5m));
        await _orders.ConfirmAsync(Rita, confirmed, 1);
        var partlyShipped = await ShippedAsync(await OrderAsync((pump, 2m)), 1m);
        var shipped = await ShippedAsync(await OrderAsync((service, 7m)), 7m);
        var completed = await ShippedAsync(await OrderAsync((pump, 1m), (service, 0.333m)), 1m, 0.333m);
        await _orders.CompleteAsync(Rita, completed, 3);
        await OrderAsync((pump, 50m));
        var cancelled = await OrderAsync((service, 9m));
        await _orders.ConfirmAsync(Rita, cancelled, 1);
        await _orders.CancelAsync(Rita, cancelled, "Ordered twice", 2);

        var profile = await _directory.GetAsync(Rita, Customer);

        var counted = new[] { confirmed, partlyShipped, shipped, completed };
        var expected = 0m;
        foreach (var id in counted)
        {
            expected += (await _orders.GetAsync(Rita, id)).Order.Total;
        }

        Assert.Equal(
            [OrderStatus.Confirmed, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Completed],
            await Task.WhenAll(counted.Select(async id => (await _orders.GetAsync(Rita, id)).Order.Status)));
        Assert.Equal(expected, profile.Figures.LifetimeRevenue);
        Assert.Equal(decimal.Round(expected, 2), expected);
        Assert.Equal(0m, (await _directory.GetAsync(Rita, _company.CustomerWithContact.Id)).Figures.LifetimeRevenue);
    }

    [Fact]
    public async Task PurchasedProductsSumTheLinesOfCountedOrdersPerProductLargestAmountFirst()
    {
        var pump = await StockedProductAsync("pump-1", 1000m);
        var valve = await StockedProductAsync("valve-1", 10.01m);
        var first = await OrderAsync(new DateOnly(2026, 3, 1), (pump, 2m), (valve, 3m));
        await _orders.ConfirmAsync(Rita, first, 1);
        var second = await OrderAsync(new DateOnly(2026, 5, 20), (valve, 1.5m), (valve, 1m));
        await _orders.ConfirmAsync(Rita, second, 1);
        await OrderAsync(new DateOnly(2026, 6, 1), (valve, 100m));

        var page = await _purchases.ProductsAsync(Rita, Customer);

        var lines = (await _orders.GetAsync(Rita, first)).Order.Lines.Concat((await _orders.GetAsync(Rita, second)).Order.Lines).ToList();
        Assert.Equal(2, page.Total);
        Assert.Equal(
            [
                (pump, "PUMP-1", 2m, lines.Where(l => l.ProductId == pump).Sum(l => l.Total), new DateOnly(2026, 3, 1), 1),
                (valve, "VALVE-1", 5.5m, lines.Where(l => l.ProductId == valve).Sum(l => l.Total), new DateOnly(2026, 5, 20), 2),
            ],
            page.Items.Select(p => (p.ProductId, p.Sku.ToUpperInvariant(), p.Quantity, p.Amount, p.LastBoughtOn, p.Orders)));
        Assert.Equal((await _directory.GetAsync(Rita, Customer)).Figures.LifetimeRevenue, page.Items.Sum(p => p.Amount));
        var secondPage = await _purchases.ProductsAsync(Rita, Customer, page: 2, pageSize: 1);
        Assert.Equal(valve, Assert.Single(secondPage.Items).ProductId);
    }

    [Fact]
    public async Task AnotherRepsCustomerIsNotFoundAndBadPagingIsRefused()
    {
        var sam = _company.SamsCustomer.Id;

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _purchases.ProductsAsync(Rita, sam));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _directory.GetAsync(Rita, sam));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _purchases.ProductsAsync(Rita, 99999));
        var refused = await Assert.ThrowsAsync<DomainException>(() => _purchases.ProductsAsync(Rita, Customer, pageSize: CustomerPurchases.MaxPageSize + 1));
        Assert.Equal("pageSize", refused.Field);
        Assert.Equal(0, (await _purchases.ProductsAsync(Actor.For(_company.Sam), sam)).Total);
    }

    private async Task<int> StockedProductAsync(string sku, decimal price)
    {
        var id = await _company.AddProductAsync(sku, price);
        await new StockLedger(_company.Database).ReceiveAsync(Actor.For(_company.Martin), new StockReceipt(id, Warehouse.MainId, 1000m));
        return id;
    }

    private Task<int> OrderAsync(params (int Product, decimal Quantity)[] lines) => OrderAsync(null, lines);

    private Task<int> OrderAsync(DateOnly? date, params (int Product, decimal Quantity)[] lines) =>
        _orders.CreateAsync(Rita, new OrderDraft(Customer, null, "en", lines.Select(l => new QuoteLineInput(l.Product, l.Quantity)).ToList(), OrderDate: date));

    /// <summary>Confirms the order and ships the given quantities of its lines, in their order.</summary>
    private async Task<int> ShippedAsync(int id, params decimal[] quantities)
    {
        await _orders.ConfirmAsync(Rita, id, 1);
        var lines = (await _orders.GetAsync(Rita, id)).Order.Lines.OrderBy(l => l.Position).ToList();
        await _orders.ShipAsync(Rita, id, quantities.Select((q, i) => new ShipmentLine(lines[i].Id, q)).ToList(), 2);
        return id;
    }

    public void Dispose() => _company.Dispose();
}
