using Microsoft.AspNetCore.Identity;

namespace SalesHub.Core.Security;

/// <summary>
/// Rejects passwords found on the list of commonly used passwords shipped with SalesHub, and
/// passwords that are just the user's own e-mail or name. Length is Identity's rule; there are
/// no composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var personal = new[] { user.Email, user.UserName, user.Email?.Split('@')[0], user.DisplayName }
            .Any(value => !string.IsNullOrWhiteSpace(value) && string.Equals(value, password, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(CommonPasswords.Value.Contains(password.Trim()) || personal
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is too common." })
            : IdentityResult.Success);
    }

    private static HashSet<string> LoadList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("SalesHub.Core.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
