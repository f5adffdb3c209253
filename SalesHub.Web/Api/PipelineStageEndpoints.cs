using System.Security.Claims;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>A stage as an administrator fills it in; on a change, based on the version last read.</summary>
public sealed record PipelineStageRequest(string? NameEn, string? NameZh, int? DefaultProbability, PipelineStageKind? Kind, int? StaleAfterDays, long? Version)
{
    public PipelineStageDetails ToDetails() => new(
        NameEn ?? "", NameZh ?? "", RequiredField.Of(DefaultProbability, "defaultProbability"), RequiredField.Of(Kind, "kind"), StaleAfterDays);
}

public sealed record PipelineStageOrderRequest(IReadOnlyList<int>? StageIds);

internal static class PipelineStageEndpoints
{
    public static void MapPipelineStageEndpoints(this RouteGroupBuilder api)
    {
        var stages = api.MapGroup("/pipeline/stages").WithTags("Pipeline stages");

        stages.MapGet("/", ListAsync)
            .WithName("ListPipelineStages")
            .WithSummary("The pipeline's stages in order, with their names in English and Chinese, default probability, kind (open, won, lost), stale limit in days; for administrators also how many deals (deleted ones too) are in each, null for others.")
            .Produces<IReadOnlyList<PipelineStageRow>>();

        stages.MapPost("/", CreateAsync)
            .WithName("CreatePipelineStage")
            .WithSummary("Adds a stage after the others (administrators).")
            .Produces<PipelineStageRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        stages.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdatePipelineStage")
            .WithSummary("Changes a stage (administrators); a stage holding deals keeps its kind.")
            .Produces<PipelineStageRow>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        stages.MapPut("/order", ReorderAsync)
            .WithName("ReorderPipelineStages")
            .WithSummary("Puts the stages in the order given, naming each once (administrators).")
            .Produces<IReadOnlyList<PipelineStageRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        stages.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeletePipelineStage")
            .WithSummary("Deletes a stage no deal is or was in (administrators).")
            .ProducesDeleteResults()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task<IReadOnlyList<PipelineStageRow>> ListAsync(ClaimsPrincipal user, PipelineStages stages, CancellationToken cancellationToken) =>
        ForAsync(stages, Actor.From(user), cancellationToken);

    private static async Task<IResult> CreateAsync(PipelineStageRequest request, ClaimsPrincipal user, PipelineStages stages, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await stages.CreateAsync(actor, request.ToDetails(), cancellationToken);
        return TypedResults.Created($"/api/v1/pipeline/stages/{id}", await RowAsync(stages, actor, id, cancellationToken));
    }

    private static async Task<PipelineStageRow> UpdateAsync(int id, PipelineStageRequest request, ClaimsPrincipal user, PipelineStages stages, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await stages.UpdateAsync(actor, id, request.ToDetails(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return await RowAsync(stages, actor, id, cancellationToken);
    }

    private static async Task<IReadOnlyList<PipelineStageRow>> ReorderAsync(PipelineStageOrderRequest request, ClaimsPrincipal user, PipelineStages stages, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await stages.ReorderAsync(actor, request.StageIds ?? [], cancellationToken);
        return await ForAsync(stages, actor, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, PipelineStages stages, CancellationToken cancellationToken)
    {
        await stages.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<PipelineStageRow> RowAsync(PipelineStages stages, Actor actor, int id, CancellationToken cancellationToken) =>
        (await ForAsync(stages, actor, cancellationToken)).Single(s => s.Id == id);

    /// <summary>Administrators see how many deals each stage holds; everybody else the names only.</summary>
    private static Task<IReadOnlyList<PipelineStageRow>> ForAsync(PipelineStages stages, Actor actor, CancellationToken cancellationToken) =>
        actor.IsAdmin ? stages.ListWithCountsAsync(actor, cancellationToken) : stages.ListAsync(actor, cancellationToken);
}
