using System.Security.Claims;
using SalesHub.Core.Contracts;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Web.Customers;

namespace SalesHub.Web.Contracts;

/// <summary>Contract files downloaded from the app by a signed-in browser, with the contract's visibility check.</summary>
internal static class ContractAttachmentDownloads
{
    public static string Link(int contractId, int attachmentId) => $"/contracts/{contractId}/attachments/{attachmentId}";

    public static void MapContractAttachmentDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/contracts/{contractId:int}/attachments/{id:int}", async (int contractId, int id, ClaimsPrincipal user, HttpContext context, ContractAttachments attachments, CancellationToken cancellationToken) =>
        {
            try
            {
                return AttachmentEndpoints.Download(context, await attachments.OpenAsync(Actor.From(user), contractId, id, cancellationToken));
            }
            catch (RecordNotFoundException)
            {
                return Results.NotFound();
            }
        }).ExcludeFromDescription();
}
