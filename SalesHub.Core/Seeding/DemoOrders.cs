using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Orders in every state, with their payment plans and payments (回款): one made from the accepted demo
/// quote, the others entered directly some weeks ago — completed and fully paid, partly shipped and partly
/// paid, shipped with an overdue instalment, a draft and a cancelled one. Made through <see cref="OrderBook"/>
/// and <see cref="PaymentBook"/>, so numbers, totals, reservations, shipments and balances follow the
/// rules of any other order. The goods ordered keep well above their reorder points.
/// </summary>
internal static class DemoOrders
{
    /// <summary>One instalment: days from the order date, share of the total, and the days after the order it was paid (if it was).</summary>
    private sealed record DemoInstalment(int DueAfterDays, decimal Share, int? PaidAfterDays, PaymentMethod Method);

    private sealed record DemoOrder(
        string Customer, string RepEmail, string Language, int DaysAgo, (string Sku, decimal Quantity, decimal Shipped)[] Lines,
        OrderStatus Outcome, DemoInstalment[] Plan);

    private static readonly DemoOrder[] Orders =
    [
        new("上海华联贸易有限公司", DemoCompany.Rep1Email, "zh-CN", 60,
            [("VLV-BALL-DN50", 10m, 10m), ("SRV-INSTALL", 1m, 1m)], OrderStatus.Completed,
            [new(10, 0.3m, 8, PaymentMethod.BankTransfer), new(40, 0.7m, 39, PaymentMethod.BankTransfer)]),
        new("Northwind Traders", DemoCompany.Rep1Email, "en", 30,
            [("SPR-SEAL-35", 10m, 4m), ("SPR-BRG-6308", 40m, 40m)], OrderStatus.PartiallyShipped,
            [new(5, 0.3m, 4, PaymentMethod.Card), new(45, 0.7m, null, PaymentMethod.BankTransfer)]),
        new("Contoso Ltd.", DemoCompany.Rep2Email, "en", 40,
            [("VLV-CHK-DN80", 3m, 3m), ("INS-PG-100", 5m, 5m)], OrderStatus.Shipped,
            [new(10, 0.5m, 12, PaymentMethod.Cheque), new(30, 0.5m, null, PaymentMethod.BankTransfer)]),
        new("杭州云启网络科技有限公司", DemoCompany.Rep2Email, "zh-CN", 2,
            [("SPR-OIL-18L", 4m, 0m), ("SRV-MAINT-Y", 1m, 0m)], OrderStatus.Draft, []),
        new("Fabrikam, Inc.", DemoCompany.Rep3Email, "en", 15,
            [("VLV-BALL-DN50", 6m, 0m)], OrderStatus.Cancelled, []),
    ];

    /// <summary>Adds the orders when the database has none (not even deleted ones) and the demo users, customers, products and quotes are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, OrderBook orders, PaymentBook payments, CancellationToken cancellationToken)
    {
        if (await db.Orders.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var customers = await db.Customers.Where(c => c.DeletedAt == null).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var products = await db.Products.Where(p => p.IsActive).Select(p => new { p.Id, p.Sku }).ToDictionaryAsync(p => p.Sku, p => p.Id, cancellationToken);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        foreach (var demo in Orders)
        {
            if (!users.TryGetValue(demo.RepEmail, out var rep) || customers.FirstOrDefault(c => c.Name == demo.Customer) is not { } customer
                || !demo.Lines.All(l => products.ContainsKey(l.Sku)))
            {
                continue;
            }

            var actor = Actor.For(rep);
            var orderDate = today.AddDays(-demo.DaysAgo);
            var lines = demo.Lines.Select(l => new QuoteLineInput(products[l.Sku], l.Quantity)).ToList();
            var id = await orders.CreateAsync(actor, new OrderDraft(customer.Id, null, demo.Language, lines, OrderDate: orderDate), cancellationToken);
            await TakeAsync(orders, payments, actor, id, demo, orderDate, today, cancellationToken);
        }

        await OrderAcceptedQuoteAsync(db, orders, payments, today, cancellationToken);
    }

    private static async Task TakeAsync(
        OrderBook orders, PaymentBook payments, Actor actor, int id, DemoOrder demo, DateOnly orderDate, DateOnly today, CancellationToken cancellationToken)
    {
        if (demo.Outcome == OrderStatus.Draft)
        {
            return;
        }

        await orders.ConfirmAsync(actor, id, await VersionAsync(orders, actor, id, cancellationToken), cancellationToken);
        if (demo.Outcome == OrderStatus.Cancelled)
        {
            await orders.CancelAsync(actor, id, demo.Language == "en" ? "The customer postponed the project." : "客户项目延期。",
                await VersionAsync(orders, actor, id, cancellationToken), cancellationToken);
            return;
        }

        var order = (await orders.GetAsync(actor, id, cancellationToken)).Order;
        var shipment = order.Lines.OrderBy(l => l.Position).Zip(demo.Lines)
            .Where(pair => pair.Second.Shipped > 0m)
            .Select(pair => new ShipmentLine(pair.First.Id, pair.Second.Shipped))
            .ToList();
        await orders.ShipAsync(actor, id, shipment, order.Version, cancellationToken);
        if (demo.Outcome == OrderStatus.Completed)
        {
            await orders.CompleteAsync(actor, id, await VersionAsync(orders, actor, id, cancellationToken), cancellationToken);
        }

        await PlanAndPayAsync(payments, actor, id, order.Total, demo.Plan, orderDate, today, cancellationToken);
    }

    /// <summary>The accepted demo quote becomes a confirmed order whose instalments fall due in the coming weeks.</summary>
    private static async Task OrderAcceptedQuoteAsync(SalesHubDbContext db, OrderBook orders, PaymentBook payments, DateOnly today, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.Where(q => q.Status == QuoteStatus.Accepted).OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.OwnerId }).FirstOrDefaultAsync(cancellationToken);
        var owner = quote is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == quote.OwnerId, cancellationToken);
        if (quote is null || owner is null)
        {
            return;
        }

        var actor = Actor.For(owner);
        var id = await orders.CreateFromQuoteAsync(actor, quote.Id, cancellationToken);
        await orders.ConfirmAsync(actor, id, await VersionAsync(orders, actor, id, cancellationToken), cancellationToken);
        var total = (await orders.GetAsync(actor, id, cancellationToken)).Order.Total;
        await PlanAndPayAsync(payments, actor, id, total,
            [new(7, 0.5m, null, PaymentMethod.BankTransfer), new(37, 0.5m, null, PaymentMethod.BankTransfer)], today, today, cancellationToken);
    }

    /// <summary>Sets the plan's instalments (the last takes what rounding left) and records those already paid.</summary>
    private static async Task PlanAndPayAsync(
        PaymentBook payments, Actor actor, int orderId, decimal total, DemoInstalment[] plan, DateOnly orderDate, DateOnly today, CancellationToken cancellationToken)
    {
        var amounts = plan.Select(i => Math.Round(total * i.Share, 2, MidpointRounding.AwayFromZero)).ToArray();
        amounts[^1] = total - amounts[..^1].Sum();
        await payments.SetPlanAsync(actor, orderId, plan.Select((i, n) => new InstalmentInput(orderDate.AddDays(i.DueAfterDays), amounts[n])).ToList(), 0, cancellationToken);
        foreach (var (instalment, amount) in plan.Zip(amounts).Where(p => p.First.PaidAfterDays is not null))
        {
            var receivedOn = orderDate.AddDays(instalment.PaidAfterDays!.Value);
            await payments.RecordAsync(actor, new PaymentInput(orderId, receivedOn < today ? receivedOn : today, amount, instalment.Method, $"DEMO-{orderId}-{receivedOn:MMdd}"), cancellationToken);
        }
    }

    private static async Task<long> VersionAsync(OrderBook orders, Actor actor, int id, CancellationToken cancellationToken) =>
        (await orders.GetAsync(actor, id, cancellationToken)).Order.Version;
}
