using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Web.Security;

public sealed record ApiToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues and describes the bearer tokens of the HTTP API.</summary>
public sealed class ApiTokens(
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<SecurityOptions> options,
    SigningKey signingKey,
    TimeProvider clock)
{
    public const string Issuer = "SalesHub";
    public const string Audience = "SalesHub.Api";

    public async Task<ApiToken> IssueAsync(AppUser user)
    {
        var principal = await claimsFactory.CreateAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + options.Value.ApiTokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(principal.Claims),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new ApiToken(token, expires);
    }

    public static TokenValidationParameters ValidationParameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}

/// <summary>
/// The key that signs API tokens: configured, or generated once and kept in the data folder so
/// that tokens survive a restart.
/// </summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<SecurityOptions> security, IOptions<DatabaseOptions> database)
    {
        var configured = security.Value.ApiSigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            bytes = Convert.FromBase64String(configured);
        }
        else
        {
            var path = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "api-signing.key");
            if (File.Exists(path))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(path));
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(32);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(bytes));
            }
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Security:ApiSigningKey must be at least 32 bytes (base64).");
        }

        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}
