using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Web.Security;

/// <summary>
/// The one sign-in decision, shared by the sign-in page and the API's token endpoint: lockout
/// counts failures from both, and both answer the same way.
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
    /// <summary>The user the e-mail and password belong to; a domain error saying why not otherwise.</summary>
    public async Task<AppUser> VerifyAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new DomainException("Login.EmailRequired") { Field = "email" };
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new DomainException("Login.PasswordRequired") { Field = "password" };
        }

        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new DomainException("Login.Invalid");
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 1;
            throw new DomainException("Login.LockedOut", minutes);
        }

        // A deactivated account is refused before its password is checked: only its owner, who
        // knows the password, learns that it is deactivated.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, password))
        {
            throw new DomainException("Login.Deactivated");
        }

        return result.Succeeded ? user : throw new DomainException("Login.Invalid");
    }
}
