using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>A component test's authentication state: <paramref name="user"/> is signed in.</summary>
public sealed class SignedInUser(AppUser user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(SalesHubClaims.DisplayName, user.DisplayName),
            ],
            "test"))));
}
