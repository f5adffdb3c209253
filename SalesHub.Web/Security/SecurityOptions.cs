namespace SalesHub.Web.Security;

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How often open sessions and live circuits re-check that their user is still active and
    /// unchanged. A deactivated user is signed out within this time.
    /// </summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Key that signs API bearer tokens (base64, at least 32 bytes). Generated into the data folder when empty.</summary>
    public string? ApiSigningKey { get; set; }

    public TimeSpan ApiTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
