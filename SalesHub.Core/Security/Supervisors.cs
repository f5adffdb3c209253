using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;

namespace SalesHub.Core.Security;

/// <summary>
/// Who answers for a user's work: the active manager of their team, or when there is none, every
/// active administrator — never the user themselves nor the context's actor (who already knows).
/// </summary>
internal static class Supervisors
{
    public static async Task<IReadOnlyList<int>> OfAsync(SalesHubDbContext db, int userId, CancellationToken cancellationToken)
    {
        int?[] skipped = [userId, db.Actor.UserId];
        var manager = await db.Users
            .Where(u => u.Id == userId && u.Team != null && u.Team.Manager != null)
            .Select(u => u.Team!.Manager!)
            .Where(m => m.IsActive && (m.Role == Roles.SalesManager || m.Role == Roles.Admin) && !skipped.Contains(m.Id))
            .Select(m => (int?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (manager is { } id)
        {
            return [id];
        }

        return await db.Users
            .Where(u => u.Role == Roles.Admin && u.IsActive && !skipped.Contains(u.Id))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }
}
