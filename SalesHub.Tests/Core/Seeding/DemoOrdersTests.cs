using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo orders and payments a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoOrdersTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task OrdersAreInEveryStateWithTheEnginesTotalsAndTheirStockBooked()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var book = core.Get<OrderBook>();

        var rows = (await book.ListAsync(admin, new OrderQuery { PageSize = OrderBook.MaxPageSize })).Items;
        var views = await Task.WhenAll(rows.Select(r => book.GetAsync(admin, r.Id)));

        Assert.Equal(Enum.GetValues<OrderStatus>(), rows.Select(r => r.Status).Distinct().Order());
        Assert.All(views, v => Assert.Equal(v.Totals.Total, v.Order.Total));
        Assert.Single(rows, r => r.QuoteId is not null && r.Status == OrderStatus.Confirmed);
        var partly = Assert.Single(views, v => v.Order.Status == OrderStatus.PartiallyShipped).Order;
        Assert.Equal([(10m, 4m), (40m, 40m)], partly.Lines.OrderBy(l => l.Position).Select(l => (l.Quantity, l.ShippedQuantity)));
        var seals = (await core.Get<StockLevels>().ListAsync(admin, new StockLevelQuery { Search = "SPR-SEAL-35" })).Items
            .Single(l => l.WarehouseCode == "MAIN");
        Assert.Equal((60m - 4m, 6m), (seals.OnHand, seals.Reserved));
        Assert.Equal(["INS-FLOW-DN50", "PMP-DOS-5", "VLV-SOL-24V"], (await core.Get<StockLevels>().LowStockAsync(admin)).Items.Select(l => l.Sku).Order());
    }

    [Fact]
    public async Task PaymentsLeaveOnePaidOrderOnePartlyPaidAndOneOverdue()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var payments = core.Get<PaymentBook>();
        var rows = (await core.Get<OrderBook>().ListAsync(admin, new OrderQuery { PageSize = OrderBook.MaxPageSize })).Items;

        var balances = await Task.WhenAll(rows.Where(r => r.Status is not (OrderStatus.Draft or OrderStatus.Cancelled)).Select(r => payments.GetBalanceAsync(admin, r.Id)));
        var receivables = (await core.Get<Receivables>().ListAsync(manager, new ReceivableQuery())).Items;

        var completed = Assert.Single(balances, b => b.OrderStatus == OrderStatus.Completed);
        Assert.Equal((completed.Total, 0m), (completed.Paid, completed.Outstanding));
        var overdue = Assert.Single(balances, b => b.OverdueAmount > 0m);
        Assert.Equal((OrderStatus.Shipped, overdue.Total - overdue.Paid), (overdue.OrderStatus, overdue.OverdueAmount));
        Assert.Contains(balances, b => b.OrderStatus == OrderStatus.PartiallyShipped && b.Paid > 0m && b.Outstanding > 0m && b.NextDueDate is not null);
        Assert.Contains(receivables, r => r.OrderId == overdue.OrderId && r.OverdueAmount == overdue.OverdueAmount);
        Assert.DoesNotContain(receivables, r => r.OrderId == completed.OrderId);
    }

    [Fact]
    public async Task SeedingAgainAddsNoOrders()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var before = (await core.Get<OrderBook>().ListAsync(admin, new OrderQuery())).Total;
        await using (var scope = core.Services.CreateAsyncScope())
        {
            await DemoCompany.SeedAsync(scope.ServiceProvider);
        }

        Assert.Equal(before, (await core.Get<OrderBook>().ListAsync(admin, new OrderQuery())).Total);
        Assert.Equal(6, before);
    }
}
