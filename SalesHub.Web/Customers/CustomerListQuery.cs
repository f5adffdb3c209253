using System.Globalization;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Web.Api;

namespace SalesHub.Web.Customers;

/// <summary>
/// The customer list's query-string parameters (<c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;ownerId=…</c>), read
/// by the API list and the export download and written by the list page's export link: a filter is
/// added here once. A value that cannot be read is refused naming its parameter, in the caller's language.
/// </summary>
public sealed record CustomerListQuery(CustomerQuery Value)
{
    private static readonly QueryParameter[] Parameters =
    [
        Number("page", q => q.Page, (q, v) => q with { Page = v }),
        Number("pageSize", q => q.PageSize, (q, v) => q with { PageSize = v }),
        Text("search", q => q.Search, (q, v) => q with { Search = v }),
        Text("sort", q => q.Sort, (q, v) => q with { Sort = v }, "A field name, \"-\" in front for descending."),
        Number("ownerId", q => q.OwnerId, (q, v) => q with { OwnerId = v }),
        Number("teamId", q => q.TeamId, (q, v) => q with { TeamId = v }),
        Number("gradeId", q => q.GradeId, (q, v) => q with { GradeId = v }),
        Number("tagId", q => q.TagId, (q, v) => q with { TagId = v }),
        Text("industry", q => q.Industry, (q, v) => q with { Industry = v }),
        Text("province", q => q.Province, (q, v) => q with { Province = v }),
        Choice<CustomerStatus>("status", q => q.Status, (q, v) => q with { Status = v }),
    ];

    private static readonly CustomerQuery Defaults = new();

    /// <summary>The parameters as the API documents them.</summary>
    public static IEnumerable<(string Name, Type Type, string? Description)> Documented =>
        Parameters.Select(p => (p.Name, p.Type, p.Description));

    /// <summary>Binds the list's parameters of a minimal-API endpoint.</summary>
    public static ValueTask<CustomerListQuery?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<CustomerListQuery?>(new(Read(context.Request.Query)));

    public static CustomerQuery Read(IQueryCollection query)
    {
        var result = new CustomerQuery();
        foreach (var parameter in Parameters)
        {
            if (query.TryGetValue(parameter.Name, out var values) && values.ToString() is { Length: > 0 } value)
            {
                result = parameter.Read(result, value);
            }
        }

        return result;
    }

    /// <summary>The parameters that say what <paramref name="query"/> lists; those left at their defaults are left out.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Write(CustomerQuery query) =>
        from p in Parameters
        let value = p.Write(query)
        where !string.IsNullOrEmpty(value) && value != p.Write(Defaults)
        select new KeyValuePair<string, string?>(p.Name, value);

    private sealed record QueryParameter(
        string Name, Type Type, string? Description, Func<CustomerQuery, string, CustomerQuery> Read, Func<CustomerQuery, string?> Write);

    private static QueryParameter Text(string name, Func<CustomerQuery, string?> get, Func<CustomerQuery, string, CustomerQuery> set, string? description = null) =>
        new(name, typeof(string), description, set, get);

    private static QueryParameter Number(string name, Func<CustomerQuery, int?> get, Func<CustomerQuery, int, CustomerQuery> set) =>
        new(name, typeof(int), null,
            (q, text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? set(q, number) : throw Invalid(name),
            q => get(q)?.ToString(CultureInfo.InvariantCulture));

    private static QueryParameter Choice<T>(string name, Func<CustomerQuery, T?> get, Func<CustomerQuery, T, CustomerQuery> set)
        where T : struct, Enum =>
        new(name, typeof(string), QueryChoice.Describe<T>(), (q, text) => set(q, QueryChoice.Read<T>(text, name)), q => QueryChoice.Write(get(q)));

    private static DomainException Invalid(string name) => new("Errors.InvalidValue") { Field = name };
}
