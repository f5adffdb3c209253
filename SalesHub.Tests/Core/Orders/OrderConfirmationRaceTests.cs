using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Orders;

/// <summary>
/// Orders for the same last units confirmed at once through the app's own services, each on its own
/// connection to a real database (all or nothing, the company's default): exactly as many are confirmed
/// as there is stock for, the others are told there is not enough and stay drafts, nothing else fails.
/// </summary>
public abstract class OrderConfirmationRaceContract(CoreServices core)
{
    private const int Orders = 16;

    [Fact]
    public async Task ConcurrentConfirmationsNeverReserveMoreThanIsOnHand()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var sku = "RACE-" + Guid.NewGuid().ToString("N")[..10];
        var product = await core.Get<ProductCatalog>().CreateAsync(manager, new ProductDetails(sku, "Race " + sku, null, null, "pcs", 1m, 0m));
        await core.Get<StockLedger>().ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 6m));
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("Race " + sku, CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var orders = core.Get<OrderBook>();
        var ids = new List<int>();
        for (var i = 0; i < Orders; i++)
        {
            ids.Add(await orders.CreateAsync(rep, new OrderDraft(customer, null, "en", [new QuoteLineInput(product, 1m)])));
        }

        using var start = new ManualResetEventSlim();
        var confirmations = ids.Select(id => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await orders.ConfirmAsync(rep, id, 1);
                return null;
            }
            catch (DomainException refused) when (refused is not ConcurrencyConflictException)
            {
                return refused.Code;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(confirmations);

        Assert.Equal(6, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("Inventory.InsufficientStock", o));
        var statuses = await Task.WhenAll(ids.Select(async id => (await orders.GetAsync(rep, id)).Order.Status));
        Assert.Equal((6, Orders - 6), (statuses.Count(s => s == OrderStatus.Confirmed), statuses.Count(s => s == OrderStatus.Draft)));
        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System);
        var balance = await db.StockBalances.AsNoTracking().SingleAsync(b => b.ProductId == product && b.WarehouseId == Warehouse.MainId);
        var held = await db.StockReservations.AsNoTracking().Where(r => r.ProductId == product && r.Quantity > 0).Select(r => r.OrderId).ToListAsync();
        Assert.Equal((6m, 6m), (balance.OnHand, balance.Reserved));
        Assert.Equal(ids.Where((_, i) => outcomes[i] is null).Order(), held.Order());
    }
}

public sealed class SqliteOrderConfirmationRaceTests(SqliteCoreServices core) : OrderConfirmationRaceContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresOrderConfirmationRaceTests(PostgresCoreServices core) : OrderConfirmationRaceContract(core), IClassFixture<PostgresCoreServices>;
