using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>
/// The deal list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;ownerId=&amp;teamId=&amp;stageId=&amp;customerId=
/// &amp;closeFrom=&amp;closeTo=&amp;minAmount=&amp;maxAmount=&amp;open=</c>.
/// </summary>
public sealed record OpportunityListParameters(
    int? Page, int? PageSize, string? Search, string? Sort, int? OwnerId, int? TeamId, int? StageId, int? CustomerId,
    DateOnly? CloseFrom, DateOnly? CloseTo, decimal? MinAmount, decimal? MaxAmount, bool? Open)
{
    public OpportunityQuery ToQuery()
    {
        var defaults = new OpportunityQuery();
        return new OpportunityQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            OwnerId = OwnerId,
            TeamId = TeamId,
            StageId = StageId,
            CustomerId = CustomerId,
            CloseFrom = CloseFrom,
            CloseTo = CloseTo,
            MinAmount = MinAmount,
            MaxAmount = MaxAmount,
            Open = Open,
        };
    }
}

/// <summary>A deal as the caller fills it in; on a change, based on the version last read.</summary>
public sealed record OpportunityRequest(
    int? CustomerId,
    string? Name,
    decimal? Amount,
    DateOnly? ExpectedCloseDate,
    int? StageId,
    int? Probability,
    string? Competitor,
    string? NextStep,
    string? LostReason,
    bool? Reopen,
    int? OwnerId,
    long? Version)
{
    public OpportunityDraft ToDraft() => new(
        RequiredField.Of(CustomerId, "customerId"),
        Name ?? "",
        RequiredField.Of(Amount, "amount"),
        RequiredField.Of(ExpectedCloseDate, "expectedCloseDate"),
        RequiredField.Of(StageId, "stageId"),
        Probability,
        Competitor,
        NextStep,
        LostReason,
        Reopen ?? false,
        OwnerId);
}

/// <summary>A move to another stage: the probability follows the stage unless given; a lost stage needs the reason; a closed deal needs reopen.</summary>
public sealed record OpportunityMoveRequest(int? StageId, int? Probability, string? LostReason, bool? Reopen, long? Version);

internal static class OpportunityEndpoints
{
    public static void MapOpportunityEndpoints(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/opportunities").WithTags("Opportunities");

        deals.MapGet("/", ListAsync)
            .WithName("ListOpportunities")
            .WithSummary("Deals the caller sees (reps their own, managers their teams', administrators all), one page at a time; filter by owner, team, stage, customer, close period, amount and open; search deal and customer names; sort by name, customer, amount, weightedAmount, expectedCloseDate, stage, probability, lastActivityAt or updatedAt, \"-\" in front for descending.")
            .Produces<Page<OpportunityRow>>()
            .ProducesValidationProblem();

        deals.MapGet("/{id:int}", GetAsync)
            .WithName("GetOpportunity")
            .WithSummary("A deal.")
            .Produces<OpportunityView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapGet("/{id:int}/history", HistoryAsync)
            .WithName("GetOpportunityStageHistory")
            .WithSummary("The deal's stage changes, oldest first: from which stage (null when created), to which, when and by whom.")
            .Produces<IReadOnlyList<StageChangeRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPost("/", CreateAsync)
            .WithName("CreateOpportunity")
            .WithSummary("Creates a deal for a customer the caller sees, owned by the caller unless ownerId says otherwise; the probability defaults to the stage's.")
            .Produces<OpportunityView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        deals.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateOpportunity")
            .WithSummary("Changes a deal; a new stage runs the same rules as a move.")
            .Produces<OpportunityView>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        deals.MapPost("/{id:int}/move", MoveAsync)
            .WithName("MoveOpportunity")
            .WithSummary("Moves a deal to another stage, as a drag on the board does; open boards update at once.")
            .Produces<OpportunityView>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        deals.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteOpportunity")
            .WithSummary("Moves a deal to the recycle bin.")
            .ProducesDeleteResults()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        deals.MapPost("/{id:int}/restore", RestoreAsync)
            .WithName("RestoreOpportunity")
            .WithSummary("Brings a deal back from the recycle bin.")
            .Produces<OpportunityView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task<Page<OpportunityRow>> ListAsync([AsParameters] OpportunityListParameters parameters, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static Task<OpportunityView> GetAsync(int id, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken) =>
        book.GetAsync(Actor.From(user), id, cancellationToken);

    private static Task<IReadOnlyList<StageChangeRow>> HistoryAsync(int id, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken) =>
        book.HistoryAsync(Actor.From(user), id, cancellationToken);

    private static async Task<IResult> CreateAsync(OpportunityRequest request, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await book.CreateAsync(actor, request.ToDraft(), cancellationToken);
        return TypedResults.Created($"/api/v1/opportunities/{id}", await book.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<OpportunityView> UpdateAsync(int id, OpportunityRequest request, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.UpdateAsync(actor, id, request.ToDraft(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return await book.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<OpportunityView> MoveAsync(int id, OpportunityMoveRequest request, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var move = new OpportunityMove(RequiredField.Of(request.StageId, "stageId"), request.Probability, request.LostReason, request.Reopen ?? false);
        await book.MoveAsync(actor, id, move, RequiredField.Of(request.Version, "version"), cancellationToken);
        return await book.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken)
    {
        await book.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<OpportunityView> RestoreAsync(int id, ClaimsPrincipal user, OpportunityBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.RestoreAsync(actor, id, cancellationToken);
        return await book.GetAsync(actor, id, cancellationToken);
    }
}
