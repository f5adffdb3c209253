using System.Security.Claims;
using System.ComponentModel.DataAnnotations;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>What a user logs about a call, visit, meeting, e-mail, WeChat message or note.</summary>
public record InteractionFields
{
    [Required]
    public InteractionKind? Kind { get; init; }

    [Required]
    public DateTimeOffset? OccurredAt { get; init; }

    public int? ContactId { get; init; }

    public string? Summary { get; init; }

    public string? Outcome { get; init; }

    public string? NextStep { get; init; }

    public InteractionDetails ToDetails() =>
        new(RequiredField.Of(Kind, "kind"), RequiredField.Of(OccurredAt, "occurredAt"), ContactId, Summary ?? "", Outcome, NextStep);
}

/// <summary>An interaction's new details, based on the version the caller last read.</summary>
public sealed record InteractionUpdateRequest : InteractionFields
{
    [Required]
    public long? Version { get; init; }
}

internal static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this RouteGroupBuilder api)
    {
        var timeline = api.MapGroup("/customers/{customerId:int}/interactions").WithTags("Interactions");
        var interactions = api.MapGroup("/interactions").WithTags("Interactions");

        timeline.MapGet("/", ListAsync)
            .WithName("ListInteractions")
            .WithSummary("A customer's timeline, newest first, one page at a time.")
            .Produces<Page<InteractionRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        timeline.MapPost("/", LogAsync)
            .WithName("LogInteraction")
            .WithSummary("Logs an interaction with a customer; anyone who sees the customer may.")
            .Produces<InteractionRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        interactions.MapGet("/{id:int}", GetAsync)
            .WithName("GetInteraction")
            .WithSummary("An interaction.")
            .Produces<InteractionRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        interactions.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateInteraction")
            .WithSummary("Changes an interaction (its author or an editor of the customer); a stale version is refused with 409.")
            .Produces<InteractionRow>()
            .ProducesEditProblems();

        interactions.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteInteraction")
            .WithSummary("Deletes an interaction (its author or an editor of the customer).")
            .ProducesDeleteResults();
    }

    private static Task<Page<InteractionRow>> ListAsync(
        int customerId, ClaimsPrincipal user, CustomerTimeline timeline, CancellationToken cancellationToken, int page = 1, int pageSize = 25) =>
        timeline.PageAsync(Actor.From(user), customerId, page, pageSize, cancellationToken);

    private static async Task<IResult> LogAsync(int customerId, InteractionFields request, ClaimsPrincipal user, CustomerTimeline timeline, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await timeline.LogAsync(actor, customerId, request.ToDetails(), cancellationToken);
        return TypedResults.Created($"/api/v1/interactions/{id}", await timeline.GetAsync(actor, id, cancellationToken));
    }

    private static Task<InteractionRow> GetAsync(int id, ClaimsPrincipal user, CustomerTimeline timeline, CancellationToken cancellationToken) =>
        timeline.GetAsync(Actor.From(user), id, cancellationToken);

    private static async Task<InteractionRow> UpdateAsync(int id, InteractionUpdateRequest request, ClaimsPrincipal user, CustomerTimeline timeline, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await timeline.UpdateAsync(actor, id, request.ToDetails(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return await timeline.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, CustomerTimeline timeline, CancellationToken cancellationToken)
    {
        await timeline.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }
}
