using System.Security.Claims;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Security;

/// <summary>
/// Who performs an operation. Every query and save runs on behalf of an actor: visibility rules
/// and the audit trail are derived from it. <see cref="Nobody"/> sees nothing;
/// <see cref="System"/> is for start-up work (migrations, seeding, background jobs).
/// </summary>
public sealed record Actor(int? UserId, string Role, string DisplayName)
{
    public static Actor Nobody { get; } = new(null, "", "");

    public static Actor System { get; } = new(null, Roles.Admin, "SalesHub");

    public bool IsAdmin => Role == Roles.Admin;

    public bool IsManager => Role == Roles.SalesManager;

    /// <summary>A sales manager or an administrator: who manages the catalog and hands customers out.</summary>
    public bool IsManagerOrAdmin => IsAdmin || IsManager;

    /// <summary>Refuses anyone who is not signed in; start-up work (<see cref="System"/>) passes.</summary>
    public void RequireSignedIn()
    {
        if (UserId is null && this != System)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>Refuses anyone but a sales manager or an administrator.</summary>
    public void RequireManager()
    {
        if (!IsManagerOrAdmin)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>Refuses anyone but an administrator.</summary>
    public void RequireAdmin()
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException();
        }
    }

    public static Actor For(AppUser user) => new(user.Id, user.Role, user.DisplayName);

    /// <summary>The actor a signed-in principal stands for; <see cref="Nobody"/> when it is anonymous.</summary>
    public static Actor From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Nobody;
        }

        var role = principal.FindFirstValue(ClaimTypes.Role) ?? "";
        return new Actor(id, Roles.IsKnown(role) ? role : "", principal.FindFirstValue(SalesHubClaims.DisplayName) ?? "");
    }
}
