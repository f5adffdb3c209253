namespace SalesHub.Web.Bench;

/// <summary>
/// A data size from DESIGN.md "Performance" (interactions from issue #3's customer budget). The sales
/// record counts stay here, next to the user and team counts, so that every budget keeps the size it
/// is judged at; the entities that exist today (users, teams, customers with their contacts and
/// interactions, opportunities) are generated, the others as their features land.
/// </summary>
internal sealed record BenchDataset(
    string Name,
    int Customers,
    int Interactions,
    int Opportunities,
    int Orders,
    int OrderLines,
    int Users,
    int Teams)
{
    public static BenchDataset Smb { get; } = new("smb", 10_000, 50_000, 20_000, 50_000, 250_000, Users: 50, Teams: 5);

    public static BenchDataset Mid { get; } = new("mid", 200_000, 1_000_000, 500_000, 1_000_000, 5_000_000, Users: 500, Teams: 50);

    public static IReadOnlyList<BenchDataset> All { get; } = [Smb, Mid];

    public static BenchDataset Named(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown size '{name}'; use one of: {string.Join(", ", All.Select(d => d.Name))}.");
}
