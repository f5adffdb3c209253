using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Inventory;

/// <summary>
/// The company's warehouses. Everybody signed in reads them; managers and administrators — who keep
/// the catalog and book stock — add and change them. Warehouses are never deleted (their movements
/// name them); one that is no longer used is made inactive, but never the last active one.
/// </summary>
public sealed class Warehouses(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<WarehouseRow>> ListAsync(Actor actor, bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Warehouses.AsNoTracking()
            .Where(w => includeInactive || w.IsActive)
            .OrderBy(w => w.Code)
            .Select(w => new WarehouseRow(w.Id, w.Code, w.NameEn, w.NameZh, w.IsActive, w.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CreateAsync(Actor actor, WarehouseDetails details, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        var warehouse = new Warehouse();
        warehouse.Describe(details);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireFreeCodeAsync(db, warehouse.Code, null, cancellationToken);
        db.Warehouses.Add(warehouse);
        await db.SaveChangesAsync(cancellationToken);
        return warehouse.Id;
    }

    public async Task UpdateAsync(Actor actor, int id, WarehouseDetails details, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Warehouse), id);
        db.Entry(warehouse).Property(w => w.Version).OriginalValue = expectedVersion;
        var wasActive = warehouse.IsActive;
        warehouse.Describe(details);
        await RequireFreeCodeAsync(db, warehouse.Code, id, cancellationToken);
        if (wasActive && !warehouse.IsActive && !await db.Warehouses.AnyAsync(w => w.Id != id && w.IsActive, cancellationToken))
        {
            throw new DomainException("Warehouses.LastActive") { Field = "isActive" };
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task RequireFreeCodeAsync(SalesHubDbContext db, string code, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Warehouses.AnyAsync(w => w.Code == code && w.Id != exceptId, cancellationToken))
        {
            throw new DomainException("Warehouses.CodeTaken", code) { Field = "code" };
        }
    }
}
