using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Security;

public sealed record AccountProfile(int Id, string Email, string DisplayName, string Role, int? TeamId, string? TeamName, IReadOnlyList<string> LedTeams);

/// <summary>What signed-in users do with their own account.</summary>
public sealed class Accounts(IDbContextFactory<SalesHubDbContext> dbFactory, IServiceScopeFactory scopeFactory)
{
    public async Task<AccountProfile> GetProfileAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var id = actor.UserId ?? throw new ForbiddenException();
        await using var db = await dbFactory.CreateForAsync(actor);
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new AccountProfile(u.Id, u.Email!, u.DisplayName, u.Role, u.TeamId, u.Team!.Name,
                db.Teams.Where(t => t.ManagerId == u.Id).OrderBy(t => t.Name).Select(t => t.Name).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        return profile ?? throw new RecordNotFoundException(nameof(AppUser), id);
    }

    /// <summary>Changes the actor's password; their other sessions end at their next validation.</summary>
    public async Task ChangePasswordAsync(Actor actor, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var id = actor.UserId ?? throw new ForbiddenException();
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesHubDbContext>().Actor = actor;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new RecordNotFoundException(nameof(AppUser), id);
        if (string.IsNullOrEmpty(newPassword))
        {
            throw new DomainException("Identity.PasswordRequired") { Field = "newPassword" };
        }

        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw new DomainException("Identity.PasswordMismatch") { Field = "currentPassword" };
        }

        IdentityErrors.ThrowIfFailed(result, passwordField: "newPassword");
    }
}
