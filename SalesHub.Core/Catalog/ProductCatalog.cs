using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Catalog;

/// <summary>
/// Finds, reads and edits the products the company sells. Everyone signed in reads them;
/// managers and administrators edit them and are the only ones who see costs.
/// </summary>
public sealed class ProductCatalog(IDbContextFactory<SalesHubDbContext> dbFactory, RecycleBin recycleBin)
{
    public const int MaxPageSize = 200;

    private static readonly ListSort<Product> Sorting = new(
        new Dictionary<string, Expression<Func<Product, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["sku"] = p => p.Sku,
            ["nameEn"] = p => p.NameEn,
            ["nameZh"] = p => p.NameZh,
            ["category"] = p => p.Category,
            ["listPrice"] = p => p.ListPrice,
            ["taxRate"] = p => p.TaxRate,
            ["updatedAt"] = p => p.UpdatedAt,
        },
        products => products.OrderBy(p => p.Sku));

    /// <summary>Whether <paramref name="actor"/> may create and change products and see what they cost.</summary>
    public async Task<Page<ProductRow>> ListAsync(Actor actor, ProductQuery query, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(Sorting.Apply(filtered, query.Sort), actor.IsManagerOrAdmin)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<ProductRow>(items, total);
    }

    /// <summary>Every product the query matches, for an export: streamed, costs only for those who may see them.</summary>
    public async IAsyncEnumerable<ProductRow> ExportAsync(Actor actor, ProductQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        await foreach (var row in Project(Sorting.Apply(Filter(db, query), query.Sort), actor.IsManagerOrAdmin).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<ProductRow> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await Project(db.Products.AsNoTracking().Where(p => p.Id == id), actor.IsManagerOrAdmin).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Product), id);
    }

    /// <summary>The categories in use, for the list's filter and the form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Products.Where(p => p.Category != null).Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async Task<int> CreateAsync(Actor actor, ProductDetails details, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        var product = new Product();
        product.Describe(details);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireUniqueSkuAsync(db, product.Sku, null, cancellationToken);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return product.Id;
    }

    public async Task UpdateAsync(Actor actor, int id, ProductDetails details, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var product = await EditableAsync(db, id, expectedVersion, cancellationToken);
        product.Describe(details);
        await RequireUniqueSkuAsync(db, product.Sku, id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes a product off new quotes; it stays on the quotes that have it.</summary>
    public async Task DeactivateAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var product = await EditableAsync(db, id, expectedVersion, cancellationToken);
        product.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a product to the recycle bin.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await recycleBin.DeleteAsync<Product>(actor, id, expectedVersion, cancellationToken);
    }

    /// <summary>Deleted products, most recently deleted first, for managers and administrators to restore.</summary>
    public async Task<Page<DeletedRow>> ListDeletedAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var deleted = RecycleBin.Deleted<Product>(db).AsNoTracking();
        var total = await deleted.CountAsync(cancellationToken);
        var items = await deleted
            .OrderByDescending(p => p.DeletedAt)
            .ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new DeletedRow(
                p.Id,
                p.Sku + " " + (p.NameEn ?? p.NameZh),
                null,
                p.DeletedAt!.Value,
                db.Users.Where(u => u.Id == p.DeletedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new Page<DeletedRow>(items, total);
    }

    /// <summary>Brings a product back from the recycle bin, as it was.</summary>
    public async Task RestoreAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await recycleBin.RestoreAsync<Product>(actor, id, cancellationToken);
    }

    /// <summary>
    /// The product as a new quote line takes it. A product in the recycle bin answers not found;
    /// an inactive one is refused with "Products.Inactive" on the field "productId".
    /// </summary>
    public async Task<QuotableProduct> RequireQuotableAsync(Actor actor, int productId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var found = await QuotableAsync(db, [productId], cancellationToken);
        return found.TryGetValue(productId, out var product)
            ? product.RequireActive("productId")
            : throw new RecordNotFoundException(nameof(Product), productId);
    }

    /// <summary>
    /// The products among <paramref name="productIds"/> that exist (not in the recycle bin), active or not, as
    /// quote lines take them: one query for a whole quote, inside a unit of work the caller already has.
    /// </summary>
    internal static async Task<Dictionary<int, QuotableProduct>> QuotableAsync(SalesHubDbContext db, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new QuotableProduct(p.Id, p.Sku, p.NameEn, p.NameZh, p.Unit, p.ListPrice, p.TaxRate, p.IsActive))
            .ToDictionaryAsync(p => p.Id, cancellationToken);

    private static async Task<Product> EditableAsync(SalesHubDbContext db, int id, long expectedVersion, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Product), id);
        db.Entry(product).Property(p => p.Version).OriginalValue = expectedVersion;
        return product;
    }

    private static async Task RequireUniqueSkuAsync(SalesHubDbContext db, string sku, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Products.IgnoreQueryFilters().AnyAsync(p => p.Sku == sku && p.Id != exceptId, cancellationToken))
        {
            throw new DomainException("Products.SkuTaken", sku) { Field = "sku" };
        }
    }

    private static IQueryable<Product> Filter(SalesHubDbContext db, ProductQuery query)
    {
        var products = db.Products.AsNoTracking();
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } term)
        {
            products = products.Where(p => p.SearchText.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            products = products.Where(p => p.Category == query.Category.Trim());
        }

        if (query.Active is { } active)
        {
            products = products.Where(p => p.IsActive == active);
        }

        return products;
    }

    private static IQueryable<ProductRow> Project(IQueryable<Product> products, bool withCost) =>
        products.Select(p => new ProductRow(
            p.Id, p.Sku, p.NameEn, p.NameZh, p.Category, p.Unit, p.ListPrice, withCost ? (decimal?)p.Cost : null, p.TaxRate, p.IsActive, p.UpdatedAt, p.Version, p.TracksStock));
}
