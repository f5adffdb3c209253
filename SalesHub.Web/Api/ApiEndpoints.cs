using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SalesHub.Core.Security;
using SalesHub.Web.Hosting;
using SalesHub.Web.Security;

namespace SalesHub.Web.Api;

/// <summary>The public HTTP API, version 1, at /api/v1.</summary>
internal static class ApiEndpoints
{
    public static void MapSalesHubApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(AuthenticationSetup.ApiPolicy);
        v1.MapAuthEndpoints();
        v1.MapMeEndpoints();
        v1.MapCustomerEndpoints();
        v1.MapContactEndpoints();
        v1.MapInteractionEndpoints();
        v1.MapAttachmentEndpoints();
        v1.MapCompanyEndpoints();
        v1.MapProductEndpoints();
        v1.MapPriceListEndpoints();
        v1.MapQuoteEndpoints();
        v1.MapQuotePdfEndpoints();
        v1.MapOrderEndpoints();
        v1.MapContractEndpoints();
        v1.MapOpportunityEndpoints();
        v1.MapPipelineStageEndpoints();
        v1.MapLeadEndpoints();
        v1.MapStockEndpoints();
        v1.MapPaymentEndpoints();
    }

    /// <summary>Documents what a change to an existing record can answer: bad input, not found, a stale version.</summary>
    public static RouteHandlerBuilder ProducesEditProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Documents a delete: no content, or not found, or a stale version.</summary>
    public static RouteHandlerBuilder ProducesDeleteResults(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// Maps <c>POST /{id}/{step}</c>: one step in a record's life by the caller, answered with the record
    /// as it is after the step.
    /// </summary>
    public static RouteHandlerBuilder MapStep<TBook, TRequest, TResource>(
        this RouteGroupBuilder group, string step, Func<TBook, Actor, int, TRequest, CancellationToken, Task> run, Func<TBook, Actor, int, CancellationToken, Task<TResource>> read)
        where TBook : notnull
        where TRequest : notnull =>
        group.MapPost($"/{{id:int}}/{step}", async (int id, TRequest request, ClaimsPrincipal user, [FromServices] TBook book, CancellationToken cancellationToken) =>
            {
                var actor = Actor.From(user);
                await run(book, actor, id, request, cancellationToken);
                return await read(book, actor, id, cancellationToken);
            })
            .Produces<TResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// An API path that no endpoint serves answers 404 problem details at once, signed in or
    /// not, instead of being sent to sign in.
    /// </summary>
    public static IApplicationBuilder UseUnknownApiRoutes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && ApiProblems.IsApiRequest(context.Request))
            {
                await ApiProblems.WriteAsync(context, ApiProblems.Status(context, StatusCodes.Status404NotFound, "Errors.RouteNotFound"));
                return;
            }

            await next(context);
        });
}
