namespace SalesHub.Core.Pipeline;

/// <summary>
/// A stage as lists, forms and the API show it; <see cref="OpportunityCount"/>, how many deals (deleted ones too)
/// are in it, only in the administrators' list with counts, null otherwise.
/// </summary>
public sealed record PipelineStageRow(
    int Id, string NameEn, string NameZh, int SortOrder, int DefaultProbability, PipelineStageKind Kind, int? StaleAfterDays, int? OpportunityCount, long Version)
{
    /// <summary>The stage's name in the reader's language: Chinese for zh-*, English otherwise.</summary>
    public string NameIn(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

/// <summary>
/// What a deal says when it is created or saved from the edit form. A change of <see cref="StageId"/> runs
/// the same rules as a move: <see cref="Probability"/> null takes the new stage's default (and keeps the
/// current one otherwise); <see cref="Reopen"/> lets a won or lost deal move on; <see cref="OwnerId"/>
/// null keeps the owner (the actor on create).
/// </summary>
public sealed record OpportunityDraft(
    int CustomerId,
    string Name,
    decimal Amount,
    DateOnly ExpectedCloseDate,
    int StageId,
    int? Probability = null,
    string? Competitor = null,
    string? NextStep = null,
    string? LostReason = null,
    bool Reopen = false,
    int? OwnerId = null)
{
    public OpportunityFields Fields => new(Name, Amount, ExpectedCloseDate, Competitor, NextStep);
}

/// <summary>A board move: to <see cref="StageId"/>, with the rules of <see cref="Opportunity.EnterStage"/>.</summary>
public sealed record OpportunityMove(int StageId, int? Probability = null, string? LostReason = null, bool Reopen = false);

/// <summary>
/// Which deals a list or board shows. <see cref="Search"/> matches the deal's and the customer's names;
/// the close period and amount range are inclusive; <see cref="Sort"/> is a field name
/// (name, customer, amount, weightedAmount, expectedCloseDate, stage, probability, lastActivityAt, updatedAt), "-" for descending.
/// </summary>
public sealed record OpportunityQuery
{
    public string? Search { get; init; }

    public int? OwnerId { get; init; }

    public int? TeamId { get; init; }

    public int? StageId { get; init; }

    public int? CustomerId { get; init; }

    public DateOnly? CloseFrom { get; init; }

    public DateOnly? CloseTo { get; init; }

    public decimal? MinAmount { get; init; }

    public decimal? MaxAmount { get; init; }

    /// <summary>Only deals in open stages (true), only closed ones (false), or both (null).</summary>
    public bool? Open { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>A deal in lists and on the board's cards; <see cref="CanEdit"/> says whether the reader may change (move, edit, delete) it.</summary>
public sealed record OpportunityRow(
    int Id,
    string Name,
    int CustomerId,
    string CustomerName,
    int OwnerId,
    string OwnerName,
    int StageId,
    decimal Amount,
    decimal WeightedAmount,
    int Probability,
    DateOnly ExpectedCloseDate,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset LastActivityAt,
    bool IsStale,
    DateTimeOffset UpdatedAt,
    long Version,
    bool CanEdit);

/// <summary>Everything the edit form and the API show about one deal.</summary>
public sealed record OpportunityView(
    int Id,
    int CustomerId,
    string CustomerName,
    string Name,
    decimal Amount,
    decimal WeightedAmount,
    DateOnly ExpectedCloseDate,
    int StageId,
    PipelineStageKind StageKind,
    int Probability,
    string? Competitor,
    string? NextStep,
    string? LostReason,
    int OwnerId,
    string OwnerName,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset LastActivityAt,
    bool IsStale,
    bool CanEdit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>Whether saving the deal in <paramref name="stageId"/> needs it reopened (<see cref="Opportunity.ReopenNeeded"/>).</summary>
    public bool NeedsReopenFor(int stageId) => Opportunity.ReopenNeeded(StageKind, StageId, stageId);
}

/// <summary>A column of the board: an open stage's totals over every deal the filters keep, and its first cards.</summary>
public sealed record BoardColumn(int StageId, int Count, decimal Amount, decimal WeightedAmount, IReadOnlyList<OpportunityRow> Cards);

public sealed record Board(IReadOnlyList<BoardColumn> Columns);

/// <summary>A row of a deal's stage history; <see cref="FromStageId"/> is null for the stage it was created in.</summary>
public sealed record StageChangeRow(int Id, int? FromStageId, int ToStageId, DateTimeOffset ChangedAt, int? ChangedById, string? ChangedByName);

/// <summary>An open deal a quote may belong to, as the quote builder offers them.</summary>
public sealed record OpportunityChip(int Id, string Name, decimal Amount);
