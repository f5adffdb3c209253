using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Core.Inventory;

/// <summary>
/// Reads stock: levels per product and warehouse, low-stock products, what is available to promise,
/// and a product's movements. Everybody signed in reads stock (reps need to know what they can
/// promise). Everything reads the maintained balances, never sums the ledger, and pages in SQL.
/// </summary>
public sealed class StockLevels(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every live product in each active warehouse (or the one asked for), by SKU then warehouse code —
    /// with zeros where it has never had stock, so that a product at nothing shows as such.
    /// </summary>
    public async Task<Page<StockLevelRow>> ListAsync(Actor actor, StockLevelQuery query, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        ArgumentNullException.ThrowIfNull(query);
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var products = WithAvailable(db);
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } term)
        {
            products = products.Where(p => p.Product.SearchText.Contains(term));
        }

        if (query.LowStockOnly)
        {
            products = products.Where(p => p.Product.ReorderPoint != null && p.Available <= p.Product.ReorderPoint);
        }

        var warehouses = db.Warehouses.AsNoTracking().Where(w => query.WarehouseId == null ? w.IsActive : w.Id == query.WarehouseId);
        var levels =
            from p in products
            from w in warehouses
            join b in db.StockBalances on new { P = p.Product.Id, W = w.Id } equals new { P = b.ProductId, W = b.WarehouseId } into found
            from b in found.DefaultIfEmpty()
            select new { p.Product, p.Available, Warehouse = w, Balance = b };
        var total = await levels.CountAsync(cancellationToken);
        var items = await levels
            .OrderBy(l => l.Product.Sku).ThenBy(l => l.Warehouse.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(l => new StockLevelRow(
                l.Product.Id, l.Product.Sku, l.Product.NameEn, l.Product.NameZh, l.Product.Unit,
                l.Warehouse.Id, l.Warehouse.Code,
                l.Balance == null ? 0m : l.Balance.OnHand,
                l.Balance == null ? 0m : l.Balance.Reserved,
                l.Balance == null ? 0m : l.Balance.OnHand - l.Balance.Reserved,
                l.Available,
                l.Product.ReorderPoint))
            .ToListAsync(cancellationToken);
        return new Page<StockLevelRow>(items, total);
    }

    /// <summary>Products at or below their reorder point, the emptiest (relative to it) first.</summary>
    public async Task<Page<LowStockRow>> LowStockAsync(Actor actor, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var low = WithAvailable(db).Where(l => l.Product.ReorderPoint != null && l.Available <= l.Product.ReorderPoint);
        var total = await low.CountAsync(cancellationToken);
        var items = await low
            .OrderBy(l => l.Available - l.Product.ReorderPoint).ThenBy(l => l.Product.Sku)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(l => new LowStockRow(l.Product.Id, l.Product.Sku, l.Product.NameEn, l.Product.NameZh, l.Product.Unit, l.Available, l.Product.ReorderPoint!.Value))
            .ToListAsync(cancellationToken);
        return new Page<LowStockRow>(items, total);
    }

    /// <summary>What can still be promised of each product: available stock over all active warehouses (0 for none).</summary>
    public async Task<IReadOnlyDictionary<int, decimal>> AvailableAsync(Actor actor, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        ArgumentNullException.ThrowIfNull(productIds);
        await using var db = await dbFactory.CreateForAsync(actor);
        var found = await db.StockBalances.AsNoTracking()
            .Where(b => productIds.Contains(b.ProductId) && db.Warehouses.Any(w => w.Id == b.WarehouseId && w.IsActive))
            .GroupBy(b => b.ProductId)
            .Select(g => new { ProductId = g.Key, Available = g.Sum(b => b.OnHand - b.Reserved) })
            .ToDictionaryAsync(g => g.ProductId, g => g.Available, cancellationToken);
        return productIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id));
    }

    /// <summary>
    /// What can be promised of each of the products that track stock (services and unknown or deleted products are
    /// left out): available over all active warehouses and per warehouse, the main one first. One query for all of them.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ProductAvailability>> AvailabilityAsync(
        Actor actor, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count == 0)
        {
            return new Dictionary<int, ProductAvailability>();
        }

        await using var db = await dbFactory.CreateForAsync(actor);
        var ids = productIds.Distinct().ToList();
        var rows = await (
            from p in db.Products.AsNoTracking()
            where ids.Contains(p.Id) && p.TracksStock
            from w in db.Warehouses.AsNoTracking()
            where w.IsActive
            join b in db.StockBalances on new { P = p.Id, W = w.Id } equals new { P = b.ProductId, W = b.WarehouseId } into found
            from b in found.DefaultIfEmpty()
            orderby p.Id, w.Id == Warehouse.MainId ? 0 : 1, w.Code
            select new { ProductId = p.Id, WarehouseId = w.Id, w.Code, Available = b == null ? 0m : b.OnHand - b.Reserved })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProductId).ToDictionary(
            g => g.Key,
            g => new ProductAvailability(g.Key, g.Sum(r => r.Available), g.Select(r => new WarehouseAvailability(r.WarehouseId, r.Code, r.Available)).ToList()));
    }

    /// <summary>A product's movements, newest first, in every warehouse or the one asked for.</summary>
    public async Task<Page<StockMovementRow>> MovementsAsync(
        Actor actor, int productId, int? warehouseId = null, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var movements = db.StockMovements.AsNoTracking().Where(m => m.ProductId == productId && (warehouseId == null || m.WarehouseId == warehouseId));
        var total = await movements.CountAsync(cancellationToken);
        var items = await movements
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new StockMovementRow(
                m.Id, m.Kind, m.ProductId, m.WarehouseId,
                db.Warehouses.Where(w => w.Id == m.WarehouseId).Select(w => w.Code).First(),
                m.OnHandChange, m.ReservedChange, m.OrderId, m.OtherWarehouseId,
                db.Warehouses.Where(w => w.Id == m.OtherWarehouseId).Select(w => w.Code).FirstOrDefault(),
                m.Reason, m.Note,
                db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                m.OccurredAt))
            .ToListAsync(cancellationToken);
        return new Page<StockMovementRow>(items, total);
    }

    /// <summary>Live products with their available stock over all active warehouses, computed in SQL from the balances.</summary>
    internal static IQueryable<ProductStock> WithAvailable(SalesHubDbContext db) =>
        db.Products.AsNoTracking().Select(p => new ProductStock
        {
            Product = p,
            Available = db.StockBalances
                .Where(b => b.ProductId == p.Id && db.Warehouses.Any(w => w.Id == b.WarehouseId && w.IsActive))
                .Sum(b => (decimal?)(b.OnHand - b.Reserved)) ?? 0m,
        });

    internal sealed class ProductStock
    {
        public required Catalog.Product Product { get; init; }

        public decimal Available { get; init; }
    }
}
