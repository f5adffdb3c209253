namespace SalesHub.Core.Security;

/// <summary>The three roles of the sales department. A user has exactly one.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string SalesManager = "SalesManager";
    public const string SalesRep = "SalesRep";

    public static IReadOnlyList<string> All { get; } = [Admin, SalesManager, SalesRep];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
