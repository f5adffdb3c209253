using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Catalog;

/// <summary>A price list in lists, with how many products it prices and how many customers use it.</summary>
public sealed record PriceListRow(int Id, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive, int ItemCount, int CustomerCount, long Version);

/// <summary>One product's price on a list, with what the product is and what the list makes of its list price.</summary>
public sealed record PriceListItemRow(int ProductId, string Sku, string? NameEn, string? NameZh, decimal ListPrice, decimal? DiscountPercent, decimal? FixedPrice, decimal UnitPrice);

public sealed record PriceListCustomer(int Id, string Name);

public sealed record PriceListView(int Id, PriceListDetails Details, IReadOnlyList<PriceListItemRow> Items, long Version);

/// <summary>
/// The unit price a quote line for <see cref="ProductId"/> starts from: the customer's price list
/// when it applies that day and prices the product, the list price otherwise.
/// </summary>
public sealed record StartingPrice(int ProductId, decimal ListPrice, decimal UnitPrice, int? PriceListId, string? PriceListName);

/// <summary>Keeps the price lists, assigns them to customers, and says what a customer pays for a product on a day.</summary>
public sealed class PriceLists(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PriceListRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var customers = await db.Customers.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter])
            .Where(c => c.PriceListId != null)
            .GroupBy(c => c.PriceListId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var lists = await db.PriceLists.AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, l.ValidFrom, l.ValidTo, l.IsActive, ItemCount = l.Items.Count, l.Version })
            .ToListAsync(cancellationToken);
        return lists.Select(l => new PriceListRow(
            l.Id, l.Name, l.ValidFrom, l.ValidTo, l.IsActive, l.ItemCount, customers.GetValueOrDefault(l.Id), l.Version)).ToList();
    }

    public async Task<PriceListView> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var list = await db.PriceLists.AsNoTracking().Include(l => l.Items).SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(PriceList), id);
        var productIds = list.Items.Select(i => i.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = list.Items
            .Where(i => products.ContainsKey(i.ProductId))
            .Select(i => (Item: i, Product: products[i.ProductId]))
            .OrderBy(x => x.Product.Sku, StringComparer.Ordinal)
            .Select(x => new PriceListItemRow(
                x.Product.Id, x.Product.Sku, x.Product.NameEn, x.Product.NameZh, x.Product.ListPrice,
                x.Item.DiscountPercent, x.Item.FixedPrice, x.Item.PriceFrom(x.Product.ListPrice)))
            .ToList();
        return new PriceListView(list.Id, new PriceListDetails(list.Name, list.ValidFrom, list.ValidTo, list.IsActive), items, list.Version);
    }

    public async Task<int> CreateAsync(Actor actor, PriceListDetails details, IReadOnlyList<PriceRule> items, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        var list = new PriceList();
        list.Describe(details);
        list.SetItems(items);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireValidAsync(db, list, cancellationToken);
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        return list.Id;
    }

    /// <summary>Changes a list's details and replaces its items, based on the version the editor read.</summary>
    public async Task UpdateAsync(
        Actor actor, int id, PriceListDetails details, IReadOnlyList<PriceRule> items, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var list = await EditableAsync(db, id, expectedVersion, cancellationToken);
        list.Describe(details);
        list.SetItems(items);
        await RequireValidAsync(db, list, cancellationToken);

        // A change of only the items is still a change of the list: its version goes up, checked
        // against the one the editor read (the items themselves are audited one by one).
        if (db.ChangeTracker.Entries<PriceListItem>().Any(e => e.State != EntityState.Unchanged))
        {
            list.Version = expectedVersion + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a list; its customers go back to list prices.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        db.PriceLists.Remove(await EditableAsync(db, id, expectedVersion, cancellationToken));
        var customers = await db.Customers.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter])
            .Where(c => c.PriceListId == id)
            .ToListAsync(cancellationToken);
        customers.ForEach(c => c.PriceListId = null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The customers on a price list that the actor sees, by name.</summary>
    public async Task<IReadOnlyList<PriceListCustomer>> CustomersAsync(Actor actor, int priceListId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Customers.AsNoTracking()
            .Where(c => c.PriceListId == priceListId)
            .OrderBy(c => c.Name)
            .Select(c => new PriceListCustomer(c.Id, c.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a customer the actor may edit on a price list, or back on list prices with null.</summary>
    public async Task AssignAsync(Actor actor, int customerId, int? priceListId, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await CustomerAccess.EditableAsync(db, actor, customerId, null, cancellationToken);
        if (priceListId is { } listId && !await db.PriceLists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            throw new DomainException("PriceLists.Unknown") { Field = "priceListId" };
        }

        customer.PriceListId = priceListId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The unit price a quote line for a customer the actor sees starts from on <paramref name="date"/>:
    /// the customer's price list item when the list is active and valid that day (both ends
    /// included), the product's list price otherwise. Without a date, today (UTC), as quotes price their lines.
    /// </summary>
    public async Task<StartingPrice> PriceForAsync(Actor actor, int customerId, int productId, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var prices = await PricesForAsync(db, customerId, [productId], date ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime), cancellationToken);
        return prices.TryGetValue(productId, out var price) ? price : throw new RecordNotFoundException(nameof(Product), productId);
    }

    /// <summary>
    /// As <see cref="PriceForAsync(Actor, int, int, DateOnly?, CancellationToken)"/> for each of <paramref name="productIds"/>
    /// that exists, in three queries whatever their number, inside a unit of work the caller already has.
    /// </summary>
    internal static async Task<Dictionary<int, StartingPrice>> PricesForAsync(
        SalesHubDbContext db, int customerId, IReadOnlyCollection<int> productIds, DateOnly date, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.PriceListId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), customerId);
        var listPrices = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ListPrice, cancellationToken);
        var list = customer.PriceListId is { } id
            ? await db.PriceLists.AsNoTracking().Include(l => l.Items.Where(i => productIds.Contains(i.ProductId))).SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            : null;
        var items = list is not null && list.AppliesOn(date) ? list.Items.ToDictionary(i => i.ProductId) : [];
        return listPrices.ToDictionary(p => p.Key, p => items.TryGetValue(p.Key, out var item)
            ? new StartingPrice(p.Key, p.Value, item.PriceFrom(p.Value), list!.Id, list.Name)
            : new StartingPrice(p.Key, p.Value, p.Value, null, null));
    }

    private static async Task<PriceList> EditableAsync(SalesHubDbContext db, int id, long expectedVersion, CancellationToken cancellationToken)
    {
        var list = await db.PriceLists.Include(l => l.Items).SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(PriceList), id);
        db.Entry(list).Property(l => l.Version).OriginalValue = expectedVersion;
        return list;
    }

    /// <summary>The name is free and every item's product exists.</summary>
    private static async Task RequireValidAsync(SalesHubDbContext db, PriceList list, CancellationToken cancellationToken)
    {
        if (await db.PriceLists.AnyAsync(l => l.Name == list.Name && l.Id != list.Id, cancellationToken))
        {
            throw new DomainException("PriceLists.NameTaken", list.Name) { Field = "name" };
        }

        var productIds = list.Items.Select(i => i.ProductId).ToList();
        var known = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var unknown = list.Items.FindIndex(i => !known.Contains(i.ProductId));
        if (unknown >= 0)
        {
            throw new DomainException("PriceLists.UnknownProduct") { Field = $"items[{unknown}].productId" };
        }
    }
}
