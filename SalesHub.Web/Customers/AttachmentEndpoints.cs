using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Web.Customers;

/// <summary>
/// Customer attachments downloaded from the app by a signed-in browser: the same visibility check
/// as the profile, and a file that is never shown inline.
/// </summary>
internal static class AttachmentEndpoints
{
    public static void MapAttachmentDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/customers/attachments/{id:int}", async (int id, ClaimsPrincipal user, HttpContext context, CustomerAttachments attachments, CancellationToken cancellationToken) =>
        {
            try
            {
                return Download(context, await attachments.OpenAsync(Actor.From(user), id, cancellationToken));
            }
            catch (RecordNotFoundException)
            {
                // A page request: the status code pages show the not-found page.
                return Results.NotFound();
            }
        }).ExcludeFromDescription();

    /// <summary>
    /// The file as a download under its original name (with an RFC 5987 name for non-ASCII ones);
    /// the browser may not guess another type from the bytes.
    /// </summary>
    public static IResult Download(HttpContext context, AttachmentDownload file)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
