using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Payments;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Orders;

/// <summary>
/// Orders: made from an accepted quote or entered directly, then confirmed, shipped, completed or
/// cancelled. Everybody works on the orders they see; changing one is for its owner, the owner's team
/// manager and administrators. Confirming reserves the stocked lines in the order's warehouse, shipping
/// takes from that reservation and cancelling gives it back, each in the same transaction as the order's
/// own change (see <see cref="StockLedger"/>): a refused step leaves the order and the ledger as they were.
/// </summary>
public sealed class OrderBook(IDbContextFactory<SalesHubDbContext> dbFactory, CompanySettings settings, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private static readonly ListSort<Order> Sorting = new(
        new Dictionary<string, Expression<Func<Order, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["number"] = o => o.Number,
            ["customer"] = o => o.CustomerName,
            ["orderDate"] = o => o.OrderDate,
            ["status"] = o => o.Status,
            ["total"] = o => o.Total,
            ["updatedAt"] = o => o.UpdatedAt,
        },
        orders => orders.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A Draft order with the accepted quote's lines, prices, discounts and tax exactly as quoted, owned by
    /// the quote's owner. A quote becomes one order: a second attempt, even a simultaneous one, is refused.
    /// </summary>
    public async Task<int> CreateFromQuoteAsync(Actor actor, int quoteId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        return await SaveNewAsync(actor, async db =>
        {
            var quote = await db.Quotes.AsNoTracking().Include(q => q.Lines).SingleOrDefaultAsync(q => q.Id == quoteId, cancellationToken)
                ?? throw new RecordNotFoundException(nameof(Quote), quoteId);
            if (!await Stewardship.MayEditAsync(db, actor, quote.OwnerId, cancellationToken))
            {
                throw new ForbiddenException();
            }

            if (quote.Status != QuoteStatus.Accepted)
            {
                throw new DomainException("Orders.QuoteNotAccepted") { Field = "quoteId" };
            }

            await RequireNotOrderedAsync(db, quoteId, cancellationToken);
            var order = new Order
            {
                QuoteId = quote.Id,
                OpportunityId = quote.OpportunityId,
                ContactId = quote.ContactId,
                Language = quote.Language,
                OrderDate = Today,
                Notes = quote.Notes,
                PricesIncludeTax = quote.PricesIncludeTax,
                TaxRounding = quote.TaxRounding,
                DiscountPercent = quote.DiscountPercent,
                DiscountAmount = quote.DiscountAmount,
            };
            order.AssignTo(quote.OwnerId);
            order.AddressTo(quote.CustomerId, quote.CustomerName);
            order.LineList.AddRange(quote.Lines.OrderBy(l => l.Position).Select(l => l.CopyAs<OrderLine>()));
            var totals = order.Reprice();
            if (totals.Total != quote.Total)
            {
                throw new InvalidOperationException($"Order from quote {quoteId} prices at {totals.Total}, the quote at {quote.Total}.");
            }

            return order;
        }, cancellationToken);
    }

    /// <summary>A Draft order entered directly, owned by the actor, priced like a quote from the customer's prices.</summary>
    public async Task<int> CreateAsync(Actor actor, OrderDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        actor.RequireSignedIn();
        var ownerId = actor.UserId ?? throw new ForbiddenException();
        var company = (await settings.GetAsync(cancellationToken)).Details;
        return await SaveNewAsync(actor, async db =>
        {
            var order = new Order { PricesIncludeTax = company.PricesIncludeTax, TaxRounding = company.TaxRounding };
            order.AssignTo(ownerId);
            await DescribeAsync(db, order, draft, cancellationToken);
            return order;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a Draft order, based on the version the editor read; the customer stays, and the total may
    /// not fall below the order's payment plan (the plan is reduced first).
    /// </summary>
    public async Task UpdateDraftAsync(Actor actor, int id, OrderDraft draft, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        order.RequireEditable();
        if (draft.CustomerId != order.CustomerId)
        {
            throw new DomainException("Orders.CustomerFixed") { Field = "customerId" };
        }

        await DescribeAsync(db, order, draft, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await PaymentBook.RequirePlanWithinTotalAsync(db, order.Id, order.Total, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Confirms a Draft order and reserves its stocked lines, per product, in its warehouse with the
    /// company's <see cref="ReservationMode"/>: all or nothing refuses the whole confirmation when a line is
    /// short (naming that line); partial holds what there is and notes it per line. When the company says
    /// so, the deal of the quote the order was made from moves to Won in the same transaction.
    /// </summary>
    public async Task ConfirmAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var company = (await settings.GetAsync(cancellationToken)).Details;
        await ChangeInTransactionAsync(actor, id, expectedVersion, async (db, order) =>
        {
            var now = clock.GetUtcNow();
            order.Confirm(now);
            await OrderStock.ReserveAsync(db, order, company.ReservationMode, cancellationToken);
            if (company.WinOpportunityOnConfirm && order.QuoteId is not null && order.OpportunityId is { } opportunityId)
            {
                await OpportunityBook.WinAsync(db, opportunityId, now, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Ships quantities of a confirmed order's lines out of what each holds; partial shipments leave it
    /// PartiallyShipped. A stocked line ships at most what it holds.
    /// </summary>
    public async Task ShipAsync(Actor actor, int id, IReadOnlyList<ShipmentLine> shipment, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        await ChangeInTransactionAsync(actor, id, expectedVersion, async (db, order) =>
        {
            order.Ship(shipment);
            await OrderStock.ShipAsync(db, order, shipment, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Reserves what a confirmed (or partly shipped) order's stocked lines still lack, as far as the
    /// warehouse now has it available, in one transaction with conditional updates (never more than is
    /// there, whoever reserves at the same time). Needs no version: it changes no field the user entered,
    /// but it moves the order's version, so a step based on the order as it was is refused as stale
    /// rather than missing the new reservation. Nothing available changes nothing.
    /// </summary>
    public async Task<RemainingReservation> ReserveRemainingAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Order), id);
        if (!await Stewardship.MayEditAsync(db, actor, order.OwnerId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        order.RequireReservable();
        var result = new RemainingReservation(await OrderStock.ReserveRemainingAsync(db, order, cancellationToken));
        if (result.Added == 0m)
        {
            return result;
        }

        var (version, now) = (order.Version, clock.GetUtcNow());
        var moved = await db.Orders
            .Where(o => o.Id == id && o.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, version + 1).SetProperty(o => o.UpdatedAt, now), cancellationToken);
        if (moved == 0)
        {
            throw new ConcurrencyConflictException(nameof(Order), id, []);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.PublishWhenCommittedAsync([new EntityChange(nameof(Order), id, AuditAction.Updated, actor.UserId)]);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task CompleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, expectedVersion, order => order.Complete(clock.GetUtcNow()), cancellationToken);

    /// <summary>Cancels an order nothing of which has shipped and gives back all the stock it holds.</summary>
    public Task CancelAsync(Actor actor, int id, string? reason, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeInTransactionAsync(actor, id, expectedVersion, async (db, order) =>
        {
            order.Cancel(reason, clock.GetUtcNow());
            await OrderStock.ReleaseAsync(db, order, cancellationToken);
        }, cancellationToken);

    public async Task<OrderView> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Order), id);
        var stocked = await OrderStock.StockedProductsAsync(db, order, cancellationToken);
        return new OrderView(order, order.CheckedTotals(), await Stewardship.MayEditAsync(db, actor, order.OwnerId, cancellationToken))
        {
            StockedLineIds = order.Lines.Where(l => stocked.Contains(l.ProductId)).Select(l => l.Id).ToHashSet(),
        };
    }

    public async Task<Page<OrderRow>> ListAsync(Actor actor, OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var orders = PricedDocuments.Filter(db.Orders.AsNoTracking(), query);
        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (query.QuoteId is { } quoteId)
        {
            orders = orders.Where(o => o.QuoteId == quoteId);
        }

        var total = await orders.CountAsync(cancellationToken);
        var items = await Sorting.Apply(orders, query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(o => new OrderRow(o.Id, o.Number, o.CustomerId, o.CustomerName, o.OwnerId, o.Status, o.OrderDate, o.Total, o.QuoteId, o.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Page<OrderRow>(items, total);
    }

    /// <summary>Numbers and saves a new order; a taken number, or a quote ordered in the meantime, means another try.</summary>
    private Task<int> SaveNewAsync(Actor actor, Func<SalesHubDbContext, Task<Order>> build, CancellationToken cancellationToken) =>
        NumberedRecords.SaveNewAsync(dbFactory, actor, async db =>
        {
            var order = await build(db);
            var series = await NumberSeriesSettings.SeriesAsync(db, NumberSeriesKind.Order, cancellationToken);
            order.Number = await NumberSeries.NextAsync(db.Orders.IgnoreQueryFilters().Select(o => o.Number), series.Head(Today), series.Digits, cancellationToken);
            return order;
        }, async order => order.QuoteId is not null || await NumberTakenAsync(order.Number, cancellationToken), cancellationToken);

    private async Task ChangeAsync(Actor actor, int id, long expectedVersion, Action<Order> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var order = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        change(order);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A change of the order and its stock in one transaction: a refusal anywhere rolls both back.</summary>
    private async Task ChangeInTransactionAsync(Actor actor, int id, long expectedVersion, Func<SalesHubDbContext, Order, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        await change(db, order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Fills a draft order: customer and contact checked, lines priced, totals from the engine; without a date, a new order is dated today and an edited one keeps its date.</summary>
    private async Task DescribeAsync(SalesHubDbContext db, Order order, OrderDraft draft, CancellationToken cancellationToken)
    {
        await PricedDocuments.AddressAsync(db, order, draft.CustomerId, draft.ContactId, draft.Language, cancellationToken);
        var lines = await PricedDocuments.LinesAsync(db, draft.CustomerId, order.Lines, draft.Lines, Today, cancellationToken);
        order.OrderDate = draft.OrderDate ?? (order.OrderDate == default ? Today : order.OrderDate);
        order.WarehouseId = await OrderStock.WarehouseAsync(db, draft.WarehouseId ?? order.WarehouseId, cancellationToken);
        order.Describe(lines, draft.DiscountPercent, draft.DiscountAmount, draft.Notes);
    }

    private static async Task RequireNotOrderedAsync(SalesHubDbContext db, int quoteId, CancellationToken cancellationToken)
    {
        if (await db.Orders.IgnoreQueryFilters().AnyAsync(o => o.QuoteId == quoteId, cancellationToken))
        {
            throw new DomainException("Orders.QuoteAlreadyOrdered") { Field = "quoteId" };
        }
    }

    /// <summary>Loads an order with its lines that the actor may change, expecting <paramref name="expectedVersion"/>.</summary>
    private static Task<Order> EditableAsync(SalesHubDbContext db, Actor actor, int id, long expectedVersion, CancellationToken cancellationToken) =>
        Stewardship.EditableAsync(db, actor, db.Orders.Include(d => d.Lines), id, expectedVersion, cancellationToken);

    private async Task<bool> NumberTakenAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(Actor.System);
        return await db.Orders.IgnoreQueryFilters().AnyAsync(o => o.Number == number, cancellationToken);
    }
}
