using MudBlazor;

namespace SalesHub.Web.Components.Shared;

/// <summary>The sort a server-paged grid asks for, as the list services take it: a field name, "-" in front for descending.</summary>
public static class GridSort
{
    /// <summary>
    /// The grid's first sort as a service sort, or null (the service's default order) when none is
    /// set or its column is not in <paramref name="fields"/> (grid column → service field).
    /// </summary>
    public static string? From<T>(GridState<T> state, IReadOnlyDictionary<string, string> fields) =>
        state.SortDefinitions.FirstOrDefault() is { } definition && fields.TryGetValue(definition.SortBy, out var field)
            ? (definition.Descending ? "-" : "") + field
            : null;
}
