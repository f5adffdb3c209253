using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Security;

/// <summary>Turns Identity's failures into domain errors with SalesHub's own message keys.</summary>
public static class IdentityErrors
{
    /// <param name="result">Identity's answer.</param>
    /// <param name="passwordField">The input field a password error belongs to.</param>
    public static void ThrowIfFailed(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        var field = error.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) || c == CommonPasswordValidator.ErrorCode => passwordField,
            var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => "email",
            _ => null,
        };
        throw new DomainException($"Identity.{error.Code}") { Field = field };
    }
}
