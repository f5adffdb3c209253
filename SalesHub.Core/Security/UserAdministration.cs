using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Security;

public sealed record UserSummary(int Id, string Email, string DisplayName, string Role, int? TeamId, string? TeamName, bool IsActive, long Version);

public sealed record TeamSummary(int Id, string Name, int? ManagerId, string? ManagerName, int MemberCount, long Version);

public sealed record NewUser(string Email, string DisplayName, string Role, int? TeamId, string Password);

public sealed record UserChanges(string DisplayName, string Role, int? TeamId, long ExpectedVersion);

/// <summary>What an administrator does with users and teams. Every method refuses non-admins.</summary>
public sealed class UserAdministration(IDbContextFactory<SalesHubDbContext> dbFactory, IServiceScopeFactory scopeFactory)
{
    /// <summary>Who may lead a team: an active sales manager.</summary>
    private static readonly Expression<Func<AppUser, bool>> CanLeadATeam = u => u.Role == Roles.SalesManager && u.IsActive;

    private static readonly Expression<Func<AppUser, UserSummary>> ToSummary =
        u => new UserSummary(u.Id, u.Email!, u.DisplayName, u.Role, u.TeamId, u.Team!.Name, u.IsActive, u.Version);

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The users an administrator can choose as a team's manager.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListManagerCandidatesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Users.AsNoTracking()
            .Where(CanLeadATeam)
            .OrderBy(u => u.DisplayName)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamSummary(t.Id, t.Name, t.ManagerId, t.Manager!.DisplayName, t.Members.Count, t.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CreateUserAsync(Actor actor, NewUser input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        var displayName = RequireDisplayName(input.DisplayName);
        RequireRole(input.Role);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesHubDbContext>();
        db.Actor = actor;
        await RequireTeamAsync(db, input.TeamId, cancellationToken);

        var user = new AppUser
        {
            Email = input.Email.Trim(),
            UserName = input.Email.Trim(),
            DisplayName = displayName,
            Role = input.Role,
            TeamId = input.TeamId,
            EmailConfirmed = true,
            CreatedAt = db.Clock.GetUtcNow(),
        };
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(user, input.Password));
        return user.Id;
    }

    public async Task UpdateUserAsync(Actor actor, int userId, UserChanges changes, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        var displayName = RequireDisplayName(changes.DisplayName);
        RequireRole(changes.Role);
        await using var db = await dbFactory.CreateForAsync(actor);
        var user = await LoadAsync(db, userId, changes.ExpectedVersion, cancellationToken);
        await RequireTeamAsync(db, changes.TeamId, cancellationToken);
        if (user.Id == actor.UserId && changes.Role != Roles.Admin)
        {
            throw new DomainException("Users.CannotDemoteSelf") { Field = "role" };
        }

        var roleOrTeamChanged = user.Role != changes.Role || user.TeamId != changes.TeamId;
        user.DisplayName = displayName;
        user.Role = changes.Role;
        user.TeamId = changes.TeamId;
        if (roleOrTeamChanged)
        {
            // Sessions carry the role in their claims: make them pick up the new one.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A deactivated user can no longer sign in; changing the security stamp makes their open
    /// sessions, circuits and API tokens fail their next validation.
    /// </summary>
    public async Task SetActiveAsync(Actor actor, int userId, bool active, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        if (userId == actor.UserId && !active)
        {
            throw new DomainException("Users.CannotDeactivateSelf");
        }

        await using var db = await dbFactory.CreateForAsync(actor);
        var user = await LoadAsync(db, userId, expectedVersion, cancellationToken);
        user.IsActive = active;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> CreateTeamAsync(Actor actor, string name, int? managerId, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var team = new Team();
        team.Rename(name);
        await RequireUniqueTeamNameAsync(db, team.Name, null, cancellationToken);
        team.ManagerId = await RequireManagerAsync(db, managerId, cancellationToken);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team.Id;
    }

    public async Task UpdateTeamAsync(Actor actor, int teamId, string name, int? managerId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Team), teamId);
        db.Entry(team).Property(t => t.Version).OriginalValue = expectedVersion;
        team.Rename(name);
        await RequireUniqueTeamNameAsync(db, team.Name, teamId, cancellationToken);
        team.ManagerId = await RequireManagerAsync(db, managerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<AppUser> LoadAsync(SalesHubDbContext db, int userId, long expectedVersion, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(AppUser), userId);
        db.Entry(user).Property(u => u.Version).OriginalValue = expectedVersion;
        return user;
    }

    private static string RequireDisplayName(string? displayName)
    {
        var trimmed = displayName?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => throw new DomainException("Users.DisplayNameRequired") { Field = "displayName" },
            > 100 => throw new DomainException("Users.DisplayNameTooLong", 100) { Field = "displayName" },
            _ => trimmed,
        };
    }

    private static void RequireRole(string role)
    {
        if (!Roles.IsKnown(role))
        {
            throw new DomainException("Users.UnknownRole") { Field = "role" };
        }
    }

    private static async Task RequireTeamAsync(SalesHubDbContext db, int? teamId, CancellationToken cancellationToken)
    {
        if (teamId is { } id && !await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw new DomainException("Users.UnknownTeam") { Field = "teamId" };
        }
    }

    private static async Task RequireUniqueTeamNameAsync(SalesHubDbContext db, string name, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != exceptId, cancellationToken))
        {
            throw new DomainException("Teams.NameTaken", name) { Field = "name" };
        }
    }

    private static async Task<int?> RequireManagerAsync(SalesHubDbContext db, int? managerId, CancellationToken cancellationToken)
    {
        if (managerId is { } id && !await db.Users.Where(CanLeadATeam).AnyAsync(u => u.Id == id, cancellationToken))
        {
            throw new DomainException("Teams.ManagerMustBeManager") { Field = "managerId" };
        }

        return managerId;
    }
}
