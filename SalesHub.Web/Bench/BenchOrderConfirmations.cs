using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;

namespace SalesHub.Web.Bench;

/// <summary>
/// Issue #6's throughput budget: ≥ 300 order confirmations per second with stock reservation on SQLite,
/// no "database is locked" and no oversell. <see cref="Callers"/> callers confirm draft orders through
/// <see cref="OrderBook"/> (all or nothing, the company's default) as fast as they can, each confirmation
/// its own transaction reserving every line. The drafts ask for more than is in stock, so that some are
/// refused for want of it while the others reserve; any other failure — a locked database among them —
/// stops the bench. Afterwards every balance must hold exactly what the confirmed orders reserved.
/// </summary>
internal sealed class BenchOrderConfirmations(IServiceProvider services)
{
    public const int Callers = 8;

    private const int Drafts = 3_000;
    private const int Products = 40;
    private const decimal StockPerProduct = 250m;
    private const int Seed = 2031;

    private readonly OrderBook _orders = services.GetRequiredService<OrderBook>();

    public async Task<BenchThroughput> MeasureAsync()
    {
        var (rep, products, drafts) = await SetUpAsync();
        var queue = new ConcurrentQueue<int>(drafts);
        var confirmed = 0;
        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                try
                {
                    await _orders.ConfirmAsync(rep, id, 1);
                    Interlocked.Increment(ref confirmed);
                }
                catch (DomainException shortage) when (shortage.Code == "Inventory.InsufficientStock")
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        await RequireNoOversellAsync(products, drafts, confirmed);
        return new BenchThroughput(
            $"orders: confirmations with stock reservation, {Callers} in parallel ({refused} more refused for want of stock, no oversell)", confirmed, elapsed);
    }

    /// <summary>Stocked products, a customer of a demo rep and the rep's draft orders of one to three lines each.</summary>
    private async Task<(Actor Rep, int[] Products, int[] Drafts)> SetUpAsync()
    {
        var manager = await services.DemoActorAsync(DemoCompany.ManagerEmail);
        var rep = await services.DemoActorAsync(DemoCompany.Rep1Email);
        var catalog = services.GetRequiredService<ProductCatalog>();
        var ledger = services.GetRequiredService<StockLedger>();
        var products = new int[Products];
        for (var i = 0; i < Products; i++)
        {
            products[i] = await catalog.CreateAsync(manager, new ProductDetails($"BENCH-ORD-{i:D3}", $"Flange {i}", $"法兰 {i} 型", "Spare parts", "件", 120m + i, 60m));
            await ledger.ReceiveAsync(manager, new StockReceipt(products[i], Warehouse.MainId, StockPerProduct, "Bench"));
        }

        var customer = await services.GetRequiredService<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("苏州工业园区精工机械有限公司", CustomerKind.Company, null, null, "江苏省", null, null, null, CustomerStatus.Active, null)));
        var random = new Random(Seed);
        var drafts = new int[Drafts];
        for (var i = 0; i < Drafts; i++)
        {
            var lines = products.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                .Select(p => new QuoteLineInput(p, random.Next(1, 4))).ToList();
            drafts[i] = await _orders.CreateAsync(rep, new OrderDraft(customer, null, "zh-CN", lines));
        }

        return (rep, products, drafts);
    }

    /// <summary>On hand is what was received, and reserved is exactly what the confirmed drafts ordered.</summary>
    private async Task RequireNoOversellAsync(int[] products, int[] drafts, int confirmed)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System);
        var balances = await db.StockBalances.AsNoTracking()
            .Where(b => products.Contains(b.ProductId) && b.WarehouseId == Warehouse.MainId)
            .ToDictionaryAsync(b => b.ProductId);
        var ordered = (await db.OrderLines.AsNoTracking()
            .Where(l => drafts.Contains(l.OrderId) && db.Orders.Any(o => o.Id == l.OrderId && o.Status == OrderStatus.Confirmed))
            .Select(l => new { l.ProductId, l.Quantity })
            .ToListAsync())
            .GroupBy(l => l.ProductId)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var confirmedOrders = await db.Orders.CountAsync(o => drafts.Contains(o.Id) && o.Status == OrderStatus.Confirmed);
        foreach (var product in products)
        {
            var balance = balances[product];
            var reserved = ordered.GetValueOrDefault(product);
            if (balance.OnHand != StockPerProduct || balance.Reserved != reserved || balance.Reserved > balance.OnHand)
            {
                throw new UnexpectedResponseException(
                    $"orders: product {product} has {balance.OnHand} on hand and {balance.Reserved} reserved, but {StockPerProduct} were received and {reserved} confirmed.");
            }
        }

        if (confirmedOrders != confirmed)
        {
            throw new UnexpectedResponseException($"orders: {confirmed} confirmations succeeded but {confirmedOrders} orders are confirmed.");
        }
    }
}
