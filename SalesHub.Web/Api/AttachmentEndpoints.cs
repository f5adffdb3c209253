using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

internal static class AttachmentEndpoints
{
    // Room for the multipart boundaries and part headers around the file itself.
    private const long MultipartOverhead = 1024 * 1024;

    public static void MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:int}/attachments", (int id, ClaimsPrincipal user, CustomerAttachments attachments, CancellationToken cancellationToken) =>
                attachments.ListAsync(Actor.From(user), id, cancellationToken))
            .WithName("ListCustomerAttachments")
            .WithSummary("The files kept with a customer, newest first.")
            .Produces<IReadOnlyList<AttachmentRow>>();

        api.MapPost("/customers/{id:int}/attachments", UploadAsync)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadCustomerAttachment")
            .WithSummary("Attaches a file (multipart/form-data, one file part) to a customer. Size and type are limited; programs are refused.")
            .Produces<AttachmentRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapGet("/attachments/{id:int}", async (int id, ClaimsPrincipal user, HttpContext context, CustomerAttachments attachments, CancellationToken cancellationToken) =>
                Customers.AttachmentEndpoints.Download(context, await attachments.OpenAsync(Actor.From(user), id, cancellationToken)))
            .WithName("DownloadAttachment")
            .WithSummary("The attachment's bytes, as a download under its original name.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream");

        api.MapDelete("/attachments/{id:int}", async (int id, ClaimsPrincipal user, CustomerAttachments attachments, CancellationToken cancellationToken) =>
            {
                await attachments.DeleteAsync(Actor.From(user), id, cancellationToken);
                return Results.NoContent();
            })
            .WithName("DeleteAttachment")
            .WithSummary("Moves an attachment to the recycle bin (its uploader, or whoever may edit the customer).")
            .Produces(StatusCodes.Status204NoContent);
    }

    private static Task<IResult> UploadAsync(
        int id, HttpRequest request, ClaimsPrincipal user, CustomerAttachments attachments, CancellationToken cancellationToken) =>
        ReceiveFileAsync(request, attachments.Limits.MaxBytes, async (fileName, contentType, content) =>
        {
            var actor = Actor.From(user);
            var attachmentId = await attachments.UploadAsync(actor, id, fileName, contentType, content, cancellationToken);
            return Results.Created($"/api/v1/attachments/{attachmentId}", await attachments.GetAsync(actor, attachmentId, cancellationToken));
        }, cancellationToken);

    /// <summary>
    /// Streams the first file part of a multipart upload straight into <paramref name="keep"/> (Core), which stops
    /// reading as soon as the file is too large: nothing is buffered in memory or a form file first.
    /// </summary>
    internal static async Task<IResult> ReceiveFileAsync(
        HttpRequest request, long maxBytes, Func<string, string, Stream, Task<IResult>> keep, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                return await keep(fileName, section.ContentType ?? "", section.Body);
            }
        }

        throw new DomainException("Attachments.Empty") { Field = "file" };
    }
}
