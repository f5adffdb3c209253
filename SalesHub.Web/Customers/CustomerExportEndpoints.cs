using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components;
using SalesHub.Web.Exports;

namespace SalesHub.Web.Customers;

/// <summary>The customer list's filters as query-string parameters of the export link.</summary>
public sealed record CustomerExportRequest(
    ExportFormat Format,
    string? Search,
    int? OwnerId,
    int? TeamId,
    int? GradeId,
    int? TagId,
    string? Industry,
    string? Province,
    CustomerStatus? Status,
    string? Sort)
{
    public CustomerQuery ToQuery() => new()
    {
        Search = Search, OwnerId = OwnerId, TeamId = TeamId, GradeId = GradeId, TagId = TagId,
        Industry = Industry, Province = Province, Status = Status, Sort = Sort,
    };
}

/// <summary>
/// Downloads the customer list as it is filtered on screen, as XLSX or CSV. A plain HTTP download
/// streams the rows from the database to the browser, so the circuit never holds them.
/// </summary>
internal static class CustomerExportEndpoints
{
    private const string Path = "/customers/export";

    public static void MapCustomerExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).ExcludeFromDescription();

    /// <summary>The link that exports what <paramref name="query"/> lists.</summary>
    public static string Link(CustomerQuery query, ExportFormat format)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["format"] = format.ToString(),
            ["search"] = query.Search,
            ["ownerId"] = query.OwnerId?.ToString(CultureInfo.InvariantCulture),
            ["teamId"] = query.TeamId?.ToString(CultureInfo.InvariantCulture),
            ["gradeId"] = query.GradeId?.ToString(CultureInfo.InvariantCulture),
            ["tagId"] = query.TagId?.ToString(CultureInfo.InvariantCulture),
            ["industry"] = query.Industry,
            ["province"] = query.Province,
            ["status"] = query.Status?.ToString(),
            ["sort"] = query.Sort,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static async Task ExportAsync(
        [AsParameters] CustomerExportRequest request, HttpContext context, ClaimsPrincipal user,
        CustomerDirectory directory, IStringLocalizer<SharedResource> localizer)
    {
        var actor = Actor.From(user);
        var preferences = DisplayPreferences.From(context.Request);
        var query = request.ToQuery();
        string[] headerKeys =
        [
            "Field.name", "Field.kind", "Field.grade", "Field.status", "Field.tags", "Customers.PrimaryContact", "Field.mobile",
            "Field.province", "Field.city", "Field.industry", "Field.owner", "Field.lastInteractionAt", "Field.updatedAt",
        ];
        var headers = headerKeys.Select(k => localizer[k].Value).ToList();

        // Refuse a bad filter (an unknown sort, say) before the download starts.
        await directory.ListAsync(actor, query with { Page = 1, PageSize = 1 }, context.RequestAborted);

        var fileName = $"{localizer["Nav.Customers"].Value}-{DateTime.UtcNow:yyyyMMdd-HHmm}{request.Format.FileExtension()}";
        context.Response.ContentType = request.Format.ContentType();
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"customers{request.Format.FileExtension()}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        await ExportWriter.WriteAsync(request.Format, context.Response.Body, localizer["Nav.Customers"].Value, headers,
            Rows(directory.ExportAsync(actor, query, context.RequestAborted), localizer, preferences), context.RequestAborted);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(
        IAsyncEnumerable<CustomerRow> customers, IStringLocalizer<SharedResource> localizer, DisplayPreferences preferences)
    {
        await foreach (var c in customers)
        {
            yield return
            [
                c.Name, localizer[$"CustomerKind.{c.Kind}"].Value, c.GradeName, localizer[$"CustomerStatus.{c.Status}"].Value,
                string.Join(", ", c.Tags.Select(t => t.Name)), c.PrimaryContact, c.PrimaryPhone, c.Province, c.City, c.Industry, c.OwnerName,
                c.LastInteractionAt is { } last ? preferences.Local(last) : null, preferences.Local(c.UpdatedAt),
            ];
        }
    }
}
