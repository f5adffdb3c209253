using System.Text.Json;
using SalesHub.Core.Errors;

namespace SalesHub.Web.Api;

/// <summary>
/// A query-string value naming one of an enum's members, read case-insensitively (unlike the framework's
/// enum binding: the API writes "active", a person may type "Active") and written as the JSON bodies write it.
/// </summary>
internal static class QueryChoice
{
    public static string Describe<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static T Read<T>(string text, string field)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v.ToString()!.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("Errors.InvalidValue") { Field = field };

    public static string? Write<T>(T? value)
        where T : struct, Enum =>
        value is { } chosen ? JsonNamingPolicy.CamelCase.ConvertName(chosen.ToString()) : null;
}
