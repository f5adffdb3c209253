using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components;
using SalesHub.Web.Exports;

namespace SalesHub.Web.Customers;

/// <summary>
/// Downloads the customer list as it is filtered on screen, as XLSX or CSV. A plain HTTP download
/// streams the rows from the database to the browser, so the circuit never holds them.
/// </summary>
internal static class CustomerExportEndpoints
{
    private const string Path = "/customers/export";

    public static void MapCustomerExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).ExcludeFromDescription();

    /// <summary>The link that exports what <paramref name="query"/> lists, every page of it.</summary>
    public static string Link(CustomerQuery query, ExportFormat format)
    {
        // The grid's page and page size stay out of the link: the download holds every page.
        var unpaged = new CustomerQuery();
        var filters = CustomerListQuery.Write(query with { Page = unpaged.Page, PageSize = unpaged.PageSize });
        return QueryHelpers.AddQueryString(Path, [new("format", format.ToString()), .. filters]);
    }

    private static async Task ExportAsync(
        ExportFormat format, CustomerListQuery list, HttpContext context, ClaimsPrincipal user,
        CustomerDirectory directory, IStringLocalizer<SharedResource> localizer)
    {
        var actor = Actor.From(user);
        var preferences = DisplayPreferences.From(context.Request);
        var query = list.Value;
        string[] headerKeys =
        [
            "Field.name", "Field.kind", "Field.grade", "Field.status", "Field.tags", "Customers.PrimaryContact", "Field.mobile",
            "Field.province", "Field.city", "Field.industry", "Field.owner", "Field.lastInteractionAt", "Field.updatedAt",
        ];
        var headers = headerKeys.Select(k => localizer[k].Value).ToList();

        // Refuse a bad filter (an unknown sort, say) before the download starts.
        await directory.ListAsync(actor, query with { Page = 1, PageSize = 1 }, context.RequestAborted);

        var fileName = $"{localizer["Nav.Customers"].Value}-{DateTime.UtcNow:yyyyMMdd-HHmm}{format.FileExtension()}";
        context.Response.ContentType = format.ContentType();
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"customers{format.FileExtension()}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        await ExportWriter.WriteAsync(format, context.Response.Body, localizer["Nav.Customers"].Value, headers,
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
