using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesHub.Core.Security;

namespace SalesHub.Web.Security;

/// <summary>
/// Whether a signed-in principal still stands for an active user whose security stamp is the one
/// it was issued with. Deactivating a user, or changing their role, team or password, changes
/// the stamp, so every session, circuit and API token of theirs fails this check.
/// </summary>
public sealed class SessionValidation(UserManager<AppUser> users, IOptions<IdentityOptions> identityOptions)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
