using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Security;

/// <summary>Turns Identity's failures into domain errors with SalesHub's own message keys.</summary>
public static class IdentityErrors
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        var field = error.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) || c == CommonPasswordValidator.ErrorCode => "password",
            var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => "email",
            _ => null,
        };
        throw new DomainException($"Identity.{error.Code}") { Field = field };
    }
}
