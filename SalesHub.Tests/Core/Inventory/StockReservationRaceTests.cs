using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Inventory;

/// <summary>
/// Callers racing for the last units through the app's own services, each with its own context and
/// connection, on a real database: nobody gets a unit twice, and nobody gets an error other than
/// "not enough stock" — no "database is locked", no deadlock, no duplicate balance row.
/// </summary>
public abstract class StockReservationRaceContract(CoreServices core)
{
    private const int Callers = 24;

    private StockLedger Ledger => core.Get<StockLedger>();

    [Fact]
    public async Task ConcurrentAllOrNothingReservationsNeverHoldMoreThanIsOnHand()
    {
        var (manager, product) = await StockedProductAsync(10m);

        var outcomes = await RaceAsync(order => Ledger.ReserveAsync(manager, order, [new(product, Warehouse.MainId, 1m)], ReservationMode.AllOrNothing));

        Assert.Equal(10, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("Inventory.InsufficientStock", o));
        await AssertLedgerHoldsAsync(product, onHand: 10m, reserved: 10m);
    }

    [Fact]
    public async Task ConcurrentPartialReservationsShareTheLastUnitsExactly()
    {
        var (manager, product) = await StockedProductAsync(10m);
        var reserved = new System.Collections.Concurrent.ConcurrentBag<decimal>();

        var outcomes = await RaceAsync(async order =>
            reserved.Add(Assert.Single(await Ledger.ReserveAsync(manager, order, [new(product, Warehouse.MainId, 3m)], ReservationMode.Partial)).Reserved));

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(10m, reserved.Sum());
        await AssertLedgerHoldsAsync(product, onHand: 10m, reserved: 10m);
    }

    [Fact]
    public async Task OrdersNamingTheSameProductsInOppositeOrderNeverDeadlockOrOversell()
    {
        var (manager, pump) = await StockedProductAsync(12m);
        var (_, hose) = await StockedProductAsync(12m);

        var outcomes = await RaceAsync(order => Ledger.ReserveAsync(
            manager, order, order % 2 == 0 ? [new(pump, Warehouse.MainId, 1m), new(hose, Warehouse.MainId, 2m)] : [new(hose, Warehouse.MainId, 2m), new(pump, Warehouse.MainId, 1m)],
            ReservationMode.AllOrNothing));

        Assert.Equal(6, outcomes.Count(o => o is null));
        await AssertLedgerHoldsAsync(pump, onHand: 12m, reserved: 6m);
        await AssertLedgerHoldsAsync(hose, onHand: 12m, reserved: 12m);
    }

    [Fact]
    public async Task ConcurrentFirstReceiptsOfAProductCreateOneBalanceAndAddUp()
    {
        var (manager, product) = await StockedProductAsync(0m);

        var outcomes = await RaceAsync(_ => Ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 0.5m)));

        Assert.All(outcomes, Assert.Null);
        await AssertLedgerHoldsAsync(product, onHand: Callers * 0.5m, reserved: 0m);
    }

    [Fact]
    public async Task ConcurrentShipmentsOfOneOrderNeverShipMoreThanItHolds()
    {
        var (manager, product) = await StockedProductAsync(10m);
        var order = product * 1000;
        await Ledger.ReserveAsync(manager, order, [new(product, Warehouse.MainId, 5m)], ReservationMode.AllOrNothing);

        var outcomes = await RaceAsync(_ => Ledger.ShipAsync(manager, order, [new(product, Warehouse.MainId, 1m)]));

        Assert.Equal(5, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("Inventory.NotReserved", o));
        await AssertLedgerHoldsAsync(product, onHand: 5m, reserved: 0m);
    }

    /// <summary>
    /// Runs <see cref="Callers"/> calls at once, each for its own order number; returns each call's refusal
    /// code, or null where it succeeded. Any other exception fails the test.
    /// </summary>
    private static async Task<string?[]> RaceAsync(Func<int, Task> call)
    {
        var firstOrder = Random.Shared.Next(1, 1_000_000) * 100;
        using var start = new ManualResetEventSlim();
        var callers = Enumerable.Range(firstOrder, Callers).Select(order => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await call(order);
                return null;
            }
            catch (DomainException refused) when (refused is not ConcurrencyConflictException)
            {
                return refused.Code;
            }
        })).ToList();
        start.Set();
        return await Task.WhenAll(callers);
    }

    private async Task<(Actor Manager, int ProductId)> StockedProductAsync(decimal onHand)
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var sku = "RACE-" + Guid.NewGuid().ToString("N")[..10];
        var product = await core.Get<ProductCatalog>().CreateAsync(manager, new ProductDetails(sku, "Race " + sku, null, null, "pcs", 1m, 0m));
        if (onHand > 0)
        {
            await Ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, onHand));
        }

        return (manager, product);
    }

    /// <summary>The balance says so, the orders' reservations add up to it, and so does the ledger.</summary>
    private async Task AssertLedgerHoldsAsync(int productId, decimal onHand, decimal reserved)
    {
        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System);
        var balance = await db.StockBalances.AsNoTracking().SingleAsync(b => b.ProductId == productId && b.WarehouseId == Warehouse.MainId);
        var held = (await db.StockReservations.AsNoTracking().Where(r => r.ProductId == productId).ToListAsync()).Sum(r => r.Quantity);
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.ProductId == productId).ToListAsync();

        Assert.Equal((onHand, reserved), (balance.OnHand, balance.Reserved));
        Assert.Equal(reserved, held);
        Assert.Equal((onHand, reserved), (movements.Sum(m => m.OnHandChange), movements.Sum(m => m.ReservedChange)));
    }
}

public sealed class SqliteStockReservationRaceTests(SqliteCoreServices core) : StockReservationRaceContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresStockReservationRaceTests(PostgresCoreServices core) : StockReservationRaceContract(core), IClassFixture<PostgresCoreServices>;
