using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Records;

/// <summary>Lists, restores and deletes business records through the recycle bin.</summary>
public sealed class RecycleBin(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    /// <summary>The deleted records of type <typeparamref name="T"/> the actor may see, newest first.</summary>
    public static IQueryable<T> Deleted<T>(SalesHubDbContext db)
        where T : TrackedRecord =>
        db.Set<T>().IgnoreQueryFilters([SalesHubDbContext.RecycleBinFilter])
            .Where(r => r.DeletedAt != null)
            .OrderByDescending(r => r.DeletedAt);

    /// <summary>Moves a record to the recycle bin (the context turns the delete into a soft one).</summary>
    public async Task DeleteAsync<T>(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
        where T : TrackedRecord
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var record = await db.Set<T>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(T).Name, id);
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        db.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RestoreAsync<T>(Actor actor, int id, CancellationToken cancellationToken = default)
        where T : TrackedRecord
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var record = await Deleted<T>(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(T).Name, id);
        record.DeletedAt = null;
        record.DeletedById = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}
