using System.Globalization;

namespace SalesHub.Web.Localization;

/// <summary>The languages SalesHub speaks.</summary>
public static class Cultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [new(English), new(Chinese)];

    public static bool IsSupported(string? name) =>
        Supported.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
