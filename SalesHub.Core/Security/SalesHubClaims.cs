namespace SalesHub.Core.Security;

/// <summary>Claim types SalesHub adds to a signed-in principal beside Identity's own.</summary>
public static class SalesHubClaims
{
    public const string DisplayName = "saleshub:name";
}
