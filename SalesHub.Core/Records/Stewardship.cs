using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Records;

/// <summary>
/// Who may change an owned record beyond seeing it: its owner, a manager of a team the owner
/// belongs to, and administrators. Users a record is only shared with read it.
/// </summary>
internal static class Stewardship
{
    /// <summary>The records <paramref name="actor"/> may change, as a query predicate.</summary>
    public static Expression<Func<TRecord, bool>> Editable<TRecord>(SalesHubDbContext db, Actor actor)
        where TRecord : BusinessRecord =>
        r => actor.IsAdmin
            || r.OwnerId == actor.UserId
            || (actor.IsManager && db.Teams.Any(t => t.ManagerId == actor.UserId && t.Members.Any(m => m.Id == r.OwnerId)));

    /// <summary>The same rule by the owner's id, for a flag on rows read in SQL (<c>users.Where(u => u.Id == r.OwnerId).Select(u => u.Id).Any(…)</c>).</summary>
    public static Expression<Func<int, bool>> EditableOwner(SalesHubDbContext db, Actor actor)
    {
        var (isAdmin, isManager, userId) = (actor.IsAdmin, actor.IsManager, actor.UserId);
        return ownerId => isAdmin || ownerId == userId || (isManager && db.Teams.Any(t => t.ManagerId == userId && t.Members.Any(m => m.Id == ownerId)));
    }

    /// <summary>
    /// Loads the record of <paramref name="records"/> with <paramref name="id"/> that the actor sees and may
    /// change, to be saved only if it is still at <paramref name="expectedVersion"/>.
    /// </summary>
    public static async Task<TRecord> EditableAsync<TRecord>(
        SalesHubDbContext db, Actor actor, IQueryable<TRecord> records, int id, long expectedVersion, CancellationToken cancellationToken)
        where TRecord : BusinessRecord
    {
        actor.RequireSignedIn();
        var record = await records.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(TRecord).Name, id);
        if (!await MayEditAsync(db, actor, record.OwnerId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        return record;
    }

    /// <summary>Brings a record of type <typeparamref name="TRecord"/> back from the recycle bin, when the actor may change it.</summary>
    public static async Task RestoreAsync<TRecord>(IDbContextFactory<SalesHubDbContext> dbFactory, Actor actor, int id, CancellationToken cancellationToken)
        where TRecord : BusinessRecord
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var record = await RecycleBin.Deleted<TRecord>(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(TRecord).Name, id);
        if (!await MayEditAsync(db, actor, record.OwnerId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        (record.DeletedAt, record.DeletedById) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="actor"/> may change a record <paramref name="ownerId"/> owns.</summary>
    public static async Task<bool> MayEditAsync(SalesHubDbContext db, Actor actor, int ownerId, CancellationToken cancellationToken) =>
        actor.IsAdmin || ownerId == actor.UserId || await ManagesAsync(db, actor, ownerId, cancellationToken);

    /// <summary>Whether <paramref name="actor"/> manages a team <paramref name="ownerId"/> belongs to.</summary>
    public static Task<bool> ManagesAsync(SalesHubDbContext db, Actor actor, int ownerId, CancellationToken cancellationToken) =>
        actor.IsManager
            ? db.Teams.AnyAsync(t => t.ManagerId == actor.UserId && t.Members.Any(m => m.Id == ownerId), cancellationToken)
            : Task.FromResult(false);
}
