using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Auditing;

/// <summary>Reads a record's history for whoever may see the record.</summary>
public sealed class AuditTrail(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    /// <summary>
    /// The history of record <paramref name="id"/> of type <typeparamref name="T"/>, newest first.
    /// Tracked records show it to whoever may see them (the recycle bin included); the others
    /// (users, teams) to administrators only. Fields marked <see cref="ManagersOnlyAttribute"/> are left out
    /// for reps, and so is a change of nothing else.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync<T>(Actor actor, int id, CancellationToken cancellationToken = default)
        where T : class, IAudited
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var visible = typeof(TrackedRecord).IsAssignableFrom(typeof(T))
            ? await db.Set<T>().IgnoreQueryFilters([SalesHubDbContext.RecycleBinFilter]).AnyAsync(r => r.Id == id, cancellationToken)
            : actor.IsAdmin;
        if (!visible)
        {
            throw new RecordNotFoundException(typeof(T).Name, id);
        }

        var type = typeof(T).Name;
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        if (actor.IsManagerOrAdmin)
        {
            return entries;
        }

        var hidden = typeof(T).GetProperties().Where(p => p.IsDefined(typeof(ManagersOnlyAttribute), inherit: true)).Select(p => p.Name).ToHashSet();
        return hidden.Count == 0 ? entries : entries.Where(e => e.Hide(hidden)).ToList();
    }
}
