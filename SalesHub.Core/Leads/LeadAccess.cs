using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>
/// Who may change a lead beyond seeing it: its owner, the owner's team manager and administrators;
/// a pooled lead belongs to no one, so managers and administrators change it and reps claim it.
/// </summary>
internal static class LeadAccess
{
    public static Expression<Func<Lead, bool>> Editable(SalesHubDbContext db, Actor actor) =>
        l => actor.IsAdmin
            || (l.OwnerId != null && l.OwnerId == actor.UserId)
            || (actor.IsManager && (l.OwnerId == null || db.Teams.Any(t => t.ManagerId == actor.UserId && t.Members.Any(m => m.Id == l.OwnerId))));

    /// <summary>Loads a lead the actor may change, expecting <paramref name="expectedVersion"/> when given.</summary>
    public static async Task<Lead> EditableAsync(SalesHubDbContext db, Actor actor, int id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Lead), id);
        if (!await db.Leads.Where(l => l.Id == id).AnyAsync(Editable(db, actor), cancellationToken))
        {
            throw new ForbiddenException();
        }

        if (expectedVersion is { } version)
        {
            db.Entry(lead).Property(l => l.Version).OriginalValue = version;
        }

        return lead;
    }
}
