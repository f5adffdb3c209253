namespace SalesHub.Core.Customers;

/// <summary>The colours grades and tags are drawn in.</summary>
public static class Palette
{
    public const string Default = "#607D8B";

    public static IReadOnlyList<string> Colors { get; } =
        ["#607D8B", "#E53935", "#FB8C00", "#FDD835", "#43A047", "#00897B", "#1E88E5", "#3949AB", "#8E24AA", "#6D4C41"];

    public static string Require(string? color)
    {
        var value = string.IsNullOrWhiteSpace(color) ? Default : color.Trim().ToUpperInvariant();
        return value.Length == 7 && value[0] == '#' && value[1..].All(Uri.IsHexDigit)
            ? value
            : throw new Errors.DomainException("Errors.InvalidColor") { Field = "color" };
    }
}
