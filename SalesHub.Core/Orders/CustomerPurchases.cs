using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Orders;

/// <summary>
/// What a customer has bought, from its orders. An order counts as a purchase once it is confirmed —
/// Confirmed, PartiallyShipped, Shipped or Completed — never while Draft, nor once Cancelled. Only the
/// orders the viewer sees count (the same rule as every order list), and everything is summed in SQL
/// from the stored minor-unit columns, so it is exact.
/// </summary>
public sealed class CustomerPurchases(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>The visible orders that count as purchases: confirmed or later, not cancelled.</summary>
    internal static IQueryable<Order> Counted(SalesHubDbContext db) =>
        db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Draft && o.Status != OrderStatus.Cancelled);

    /// <summary>
    /// The products the customer bought, from the lines of its orders that count: quantity and amount (line totals,
    /// tax included, so they add up to the revenue), the last order date and in how many orders; the largest amount first.
    /// </summary>
    public async Task<Page<PurchasedProductRow>> ProductsAsync(
        Actor actor, int customerId, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireCustomerAsync(db, customerId, cancellationToken);
        var products =
            from o in Counted(db)
            where o.CustomerId == customerId
            join l in db.OrderLines.AsNoTracking() on o.Id equals l.OrderId
            group new { Line = l, OrderId = o.Id, o.OrderDate } by l.ProductId into g
            select new
            {
                ProductId = g.Key,
                Sku = g.Max(x => x.Line.Sku),
                NameEn = g.Max(x => x.Line.NameEn),
                NameZh = g.Max(x => x.Line.NameZh),
                Unit = g.Max(x => x.Line.Unit),
                Quantity = g.Sum(x => x.Line.Quantity),
                Amount = g.Sum(x => x.Line.Total),
                LastBoughtOn = g.Max(x => x.OrderDate),
                Orders = g.Select(x => x.OrderId).Distinct().Count(),
            };
        var total = await products.CountAsync(cancellationToken);
        var items = await products
            .OrderByDescending(p => p.Amount).ThenBy(p => p.ProductId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PurchasedProductRow(p.ProductId, p.Sku, p.NameEn, p.NameZh, p.Unit, p.Quantity, p.Amount, p.LastBoughtOn, p.Orders))
            .ToListAsync(cancellationToken);
        return new Page<PurchasedProductRow>(items, total);
    }

    /// <summary>The same answer for a customer that does not exist and one the viewer may not see.</summary>
    private static async Task RequireCustomerAsync(SalesHubDbContext db, int customerId, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }
    }
}

/// <summary>A product a customer bought: how much, for how much (tax included), when last and in how many orders; names as ordered.</summary>
public sealed record PurchasedProductRow(
    int ProductId, string Sku, string? NameEn, string? NameZh, string Unit, decimal Quantity, decimal Amount, DateOnly LastBoughtOn, int Orders);
