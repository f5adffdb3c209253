using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

public sealed record GradeChip(int Id, string Name, string Color);

public sealed record TeamChip(int Id, string Name);

/// <summary>The choices customer forms and filters offer: grades, tags, and the users one may pick as owner.</summary>
public sealed class CustomerLookups(IDbContextFactory<SalesHubDbContext> dbFactory, CustomerSettings settings)
{
    public Task<IReadOnlyList<GradeChip>> GradesAsync(Actor actor, CancellationToken cancellationToken = default) =>
        settings.ListGradeChipsAsync(actor, cancellationToken);

    public Task<IReadOnlyList<TagChip>> TagsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        settings.ListTagChipsAsync(actor, cancellationToken);

    /// <summary>
    /// Users whose customers <paramref name="actor"/> may look at by owner and assign to: everyone
    /// for an administrator, the teams they lead for a manager, themselves for a rep. Deactivated
    /// users only when <paramref name="includeInactive"/> — a rep who left still owns customers to transfer.
    /// </summary>
    public async Task<IReadOnlyList<UserChip>> OwnersAsync(Actor actor, bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var users = db.Users.AsNoTracking().Where(u => includeInactive || u.IsActive);
        if (!actor.IsAdmin)
        {
            users = users.Where(u => u.Id == actor.UserId
                || (actor.IsManager && db.Teams.Any(t => t.ManagerId == actor.UserId && t.Id == u.TeamId)));
        }

        return await users.OrderBy(u => u.DisplayName).Select(u => new UserChip(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    /// <summary>The teams a manager leads, or every team for an administrator.</summary>
    public async Task<IReadOnlyList<TeamChip>> TeamsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var teams = db.Teams.AsNoTracking();
        if (!actor.IsAdmin)
        {
            teams = teams.Where(t => actor.IsManager && t.ManagerId == actor.UserId);
        }

        return await teams.OrderBy(t => t.Name).Select(t => new TeamChip(t.Id, t.Name)).ToListAsync(cancellationToken);
    }
}
