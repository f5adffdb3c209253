using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Web.Security;

namespace SalesHub.Web.Api;

public sealed record TokenRequest(string? Email, string? Password);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchange an e-mail and password for a bearer token.")
            .Produces<ApiToken>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Checks the password with lockout on, like the sign-in page: repeated failures lock the account
    /// for the API too.
    /// </summary>
    private static async Task<ApiToken> IssueTokenAsync(TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, ApiTokens tokens)
    {
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            throw new DomainException("Login.EmailRequired") { Field = "email" };
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            throw new DomainException("Login.PasswordRequired") { Field = "password" };
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            throw new DomainException("Login.Invalid");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new DomainException("Login.LockedOut");
        }

        // A deactivated account is refused before its password is checked: only say so to its owner.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, request.Password))
        {
            throw new DomainException("Login.Deactivated");
        }

        if (!result.Succeeded)
        {
            throw new DomainException("Login.Invalid");
        }

        return await tokens.IssueAsync(user);
    }
}
