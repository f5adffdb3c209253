using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
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
/// "Reserve the rest" of one order, twice at once, racing another order's confirmation for the same
/// units (partial reservation), each on its own connection to a real database: the balance never holds
/// more than is on hand, each order holds exactly what its lines say and never more than they lack.
/// </summary>
public abstract class OrderRemainingReservationRaceContract(CoreServices core)
{
    [Fact]
    public async Task ReservingTheRestWhileAnotherOrderConfirmsNeverOversells()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var settings = core.Get<CompanySettings>();
        var company = await settings.GetAsync();
        if (company.Details.ReservationMode != ReservationMode.Partial)
        {
            await settings.UpdateAsync(admin, company.Details with { ReservationMode = ReservationMode.Partial }, company.Version);
        }

        var sku = "REST-" + Guid.NewGuid().ToString("N")[..10];
        var product = await core.Get<ProductCatalog>().CreateAsync(manager, new ProductDetails(sku, "Rest " + sku, null, null, "pcs", 1m, 0m));
        var ledger = core.Get<StockLedger>();
        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 2m));
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("Rest " + sku, CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var orders = core.Get<OrderBook>();
        var shortOrder = await orders.CreateAsync(rep, new OrderDraft(customer, null, "en", [new QuoteLineInput(product, 5m)]));
        await orders.ConfirmAsync(rep, shortOrder, 1);
        var competing = await orders.CreateAsync(rep, new OrderDraft(customer, null, "en", [new QuoteLineInput(product, 3m)]));
        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 4m));

        using var start = new ManualResetEventSlim();
        var calls = new Func<Task>[]
        {
            () => orders.ReserveRemainingAsync(rep, shortOrder),
            () => orders.ReserveRemainingAsync(rep, shortOrder),
            () => orders.ConfirmAsync(rep, competing, 1),
        }.Select(call => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await call();
                return null;
            }
            catch (ConcurrencyConflictException conflict)
            {
                // PostgreSQL may refuse the second "reserve the rest" of the same order as stale; SQLite runs them one after the other.
                return conflict.Code;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(calls);

        Assert.Null(outcomes[2]);
        Assert.All(outcomes[..2], o => Assert.True(o is null or "Errors.Conflict"));
        var held = await Task.WhenAll(new[] { shortOrder, competing }.Select(async id => Assert.Single((await orders.GetAsync(rep, id)).Order.Lines).ReservedQuantity));
        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System);
        var balance = await db.StockBalances.AsNoTracking().SingleAsync(b => b.ProductId == product && b.WarehouseId == Warehouse.MainId);
        var reservations = await db.StockReservations.AsNoTracking().Where(r => r.ProductId == product).ToListAsync();
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.ProductId == product).ToListAsync();

        Assert.Equal((6m, 6m), (balance.OnHand, balance.Reserved));
        Assert.True(held[0] <= 5m && held[1] <= 3m, $"The orders hold {held[0]} and {held[1]}.");
        Assert.Equal(6m, held.Sum());
        Assert.Equal(held[0], reservations.Where(r => r.OrderId == shortOrder).Sum(r => r.Quantity));
        Assert.Equal(held[1], reservations.Where(r => r.OrderId == competing).Sum(r => r.Quantity));
        Assert.Equal((6m, 6m), (movements.Sum(m => m.OnHandChange), movements.Sum(m => m.ReservedChange)));
    }
}

public sealed class SqliteOrderRemainingReservationRaceTests(SqliteCoreServices core) : OrderRemainingReservationRaceContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresOrderRemainingReservationRaceTests(PostgresCoreServices core) : OrderRemainingReservationRaceContract(core), IClassFixture<PostgresCoreServices>;
