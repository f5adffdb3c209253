using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Security;

namespace SalesHub.Core.Payments;

/// <summary>
/// What customers owe (应收): confirmed, shipped and completed orders the actor sees with their paid,
/// outstanding and overdue amounts, computed, filtered, sorted and paged in SQL, and the same summed per
/// rep or per customer. Draft and cancelled orders are owed nothing.
/// </summary>
public sealed class Receivables(IDbContextFactory<SalesHubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private static readonly Dictionary<string, Expression<Func<Receivable, object?>>> SortKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = r => r.OrderNumber,
        ["customer"] = r => r.CustomerName,
        ["owner"] = r => r.OwnerName,
        ["orderDate"] = r => r.OrderDate,
        ["total"] = r => r.Total,
        ["paid"] = r => r.Paid,
        ["outstanding"] = r => r.Outstanding,
        ["nextDueDate"] = r => r.NextDueDate,
        ["overdue"] = r => r.OverdueAmount,
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Page<ReceivableRow>> ListAsync(Actor actor, ReceivableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var receivables = Of(db, query, Today);
        var total = await receivables.CountAsync(cancellationToken);
        var items = await Sort(receivables, query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new ReceivableRow(
                r.OrderId, r.OrderNumber, r.CustomerId, r.CustomerName, r.OwnerId, r.OwnerName, r.Status, r.OrderDate,
                r.Total, r.Paid, r.Outstanding, r.NextDueDate, r.OverdueAmount))
            .ToListAsync(cancellationToken);
        return new Page<ReceivableRow>(items, total);
    }

    /// <summary>
    /// The receivables <paramref name="query"/> selects (its sort aside), summed per rep or per customer in one
    /// grouped query, most outstanding first (then by name), paged in SQL with the query's page and page size.
    /// </summary>
    public async Task<Page<ReceivableTotal>> TotalsAsync(Actor actor, ReceivableGrouping grouping, ReceivableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var receivables = Of(db, query, Today);
        var grouped = grouping == ReceivableGrouping.Owner
            ? receivables.GroupBy(r => new { Id = r.OwnerId, Name = r.OwnerName })
            : receivables.GroupBy(r => new { Id = r.CustomerId, Name = r.CustomerName });
        var sums = grouped.Select(g => new
        {
            g.Key.Id,
            g.Key.Name,
            Orders = g.Count(),
            Total = g.Sum(r => r.Total),
            Paid = g.Sum(r => r.Paid),
            Outstanding = g.Sum(r => r.Outstanding),
            OverdueAmount = g.Sum(r => r.OverdueAmount),
        });
        var count = await sums.CountAsync(cancellationToken);
        var page = await sums.OrderByDescending(t => t.Outstanding).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<ReceivableTotal>(
            page.ConvertAll(t => new ReceivableTotal(t.Id, t.Name, t.Orders, t.Total, t.Paid, t.Outstanding, t.OverdueAmount)), count);
    }

    /// <summary>The receivables <paramref name="query"/> selects (its sort and page aside) summed as one, in SQL: what the actor's customers owe in all.</summary>
    public async Task<ReceivableTotal> SumAsync(Actor actor, ReceivableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await Of(db, query, Today).GroupBy(r => 1)
            .Select(g => new ReceivableTotal(0, "", g.Count(), g.Sum(r => r.Total), g.Sum(r => r.Paid), g.Sum(r => r.Outstanding), g.Sum(r => r.OverdueAmount)))
            .SingleOrDefaultAsync(cancellationToken)
            ?? new ReceivableTotal(0, "", 0, 0m, 0m, 0m, 0m);
    }

    /// <summary>The visible orders owing money, with their amounts as SQL expressions (minor units throughout, so exact).</summary>
    private static IQueryable<Receivable> Of(SalesHubDbContext db, ReceivableQuery query, DateOnly today)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Draft && o.Status != OrderStatus.Cancelled);
        if (query.OwnerId is { } ownerId)
        {
            orders = orders.Where(o => o.OwnerId == ownerId);
        }

        if (query.CustomerId is { } customerId)
        {
            orders = orders.Where(o => o.CustomerId == customerId);
        }

        var amounts = orders.Select(o => new
        {
            Order = o,
            OwnerName = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).First(),
            Paid = db.Payments.Where(p => p.OrderId == o.Id).Sum(p => (decimal?)p.Amount) ?? 0m,
            DueBeforeToday = db.PaymentInstalments.Where(i => i.OrderId == o.Id && i.DueDate < today).Sum(i => (decimal?)i.Amount) ?? 0m,
        });
        var receivables = amounts.Select(a => new Receivable
        {
            OrderId = a.Order.Id,
            OrderNumber = a.Order.Number,
            CustomerId = a.Order.CustomerId,
            CustomerName = a.Order.CustomerName,
            OwnerId = a.Order.OwnerId,
            OwnerName = a.OwnerName,
            Status = a.Order.Status,
            OrderDate = a.Order.OrderDate,
            Total = a.Order.Total,
            Paid = a.Paid,
            Outstanding = a.Order.Total > a.Paid ? a.Order.Total - a.Paid : 0m,
            OverdueAmount = a.DueBeforeToday > a.Paid ? a.DueBeforeToday - a.Paid : 0m,

            // The first instalment from today on whose running sum of the plan (in due-date order) the payments do not reach.
            NextDueDate = db.PaymentInstalments
                .Where(i => i.OrderId == a.Order.Id && i.DueDate >= today
                    && db.PaymentInstalments
                        .Where(j => j.OrderId == i.OrderId && (j.DueDate < i.DueDate || (j.DueDate == i.DueDate && j.Position <= i.Position)))
                        .Sum(j => j.Amount) > a.Paid)
                .Min(i => (DateOnly?)i.DueDate),
        });
        receivables = query.OutstandingOnly ? receivables.Where(r => r.Outstanding > 0m) : receivables;
        return query.OverdueOnly ? receivables.Where(r => r.OverdueAmount > 0m) : receivables;
    }

    private static IOrderedQueryable<Receivable> Sort(IQueryable<Receivable> receivables, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return receivables.OrderByDescending(r => r.OverdueAmount).ThenByDescending(r => r.Outstanding).ThenBy(r => r.OrderId);
        }

        var field = sort.Trim();
        var descending = field.StartsWith('-');
        field = descending || field.StartsWith('+') ? field[1..] : field;
        var key = SortKeys.GetValueOrDefault(field)
            ?? throw new DomainException("Errors.InvalidSort", string.Join(", ", SortKeys.Keys)) { Field = "sort" };
        return descending ? receivables.OrderByDescending(key).ThenByDescending(r => r.OrderId) : receivables.OrderBy(key).ThenBy(r => r.OrderId);
    }

    /// <summary>An order's receivable as the query computes it.</summary>
    private sealed class Receivable
    {
        public int OrderId { get; init; }

        public string OrderNumber { get; init; } = "";

        public int CustomerId { get; init; }

        public string CustomerName { get; init; } = "";

        public int OwnerId { get; init; }

        public string OwnerName { get; init; } = "";

        public OrderStatus Status { get; init; }

        public DateOnly OrderDate { get; init; }

        public decimal Total { get; init; }

        public decimal Paid { get; init; }

        public decimal Outstanding { get; init; }

        public decimal OverdueAmount { get; init; }

        public DateOnly? NextDueDate { get; init; }
    }
}
