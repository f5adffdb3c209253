using System.Security.Claims;
using SalesHub.Core.Security;
using SalesHub.Web.Documents;

namespace SalesHub.Web.Api;

/// <summary>GET /api/v1/quotes/{id}/pdf: the same PDF the app's Download PDF button gives.</summary>
internal static class QuotePdfEndpoints
{
    public static void MapQuotePdfEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/quotes/{id:int}/pdf", async (int id, ClaimsPrincipal user, QuotePdfs pdfs, CancellationToken cancellationToken) =>
            {
                var pdf = await pdfs.GetAsync(Actor.From(user), id, cancellationToken);
                return Results.File(pdf.Content, "application/pdf", pdf.FileName);
            })
            .WithName("GetQuotePdf")
            .WithTags("Quotes")
            .WithSummary("The quote as a PDF in its own language, named like Q2026-00001-v2.pdf; 503 when the server has no working Chromium.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
