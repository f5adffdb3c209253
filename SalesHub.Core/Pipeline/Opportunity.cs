using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;

namespace SalesHub.Core.Pipeline;

/// <summary>
/// A deal (商机) with a customer, owned by a rep. Its stage changes only through <see cref="EnterStage"/>,
/// the one set of stage rules the edit form, a board move and the API share: the probability follows the
/// new stage unless given, a lost deal says why, and a won or lost deal moves on only when reopened.
/// </summary>
public sealed class Opportunity : BusinessRecord
{
    public const int NameMaxLength = 200;
    public const int CompetitorMaxLength = 200;
    public const int NextStepMaxLength = 500;
    public const int LostReasonMaxLength = 1000;

    /// <summary>How far back an expected close date may be set: further back is a typing mistake, not a plan.</summary>
    public const int CloseDateMaxDaysPast = 365;

    public int CustomerId { get; internal set; }

    /// <summary>The customer's name when the deal was last saved, for lists and boards.</summary>
    public string CustomerName { get; private set; } = "";

    /// <summary>The deal's and the customer's names folded for search (<see cref="CustomerMatching.SearchKey"/>).</summary>
    public string SearchText { get; private set; } = "";

    public string Name { get; private set; } = "";

    public decimal Amount { get; private set; }

    /// <summary>Amount × probability, rounded to cents, kept so that boards sum it in SQL.</summary>
    public decimal WeightedAmount { get; private set; }

    public DateOnly ExpectedCloseDate { get; private set; }

    public int StageId { get; private set; }

    public PipelineStage? Stage { get; private set; }

    /// <summary>Chance of winning in whole percent, 0 to 100.</summary>
    public int Probability { get; private set; }

    public string? Competitor { get; private set; }

    public string? NextStep { get; private set; }

    public string? LostReason { get; private set; }

    public DateTimeOffset StageEnteredAt { get; private set; }

    /// <summary>Whole days a deal that entered its stage at <paramref name="stageEnteredAt"/> has been in it at <paramref name="now"/>.</summary>
    public static int DaysInStage(DateTimeOffset stageEnteredAt, DateTimeOffset now) => Math.Max(0, (now - stageEnteredAt).Days);

    /// <summary>The last edit, stage change or interaction with the customer.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>When the deal turns stale without further activity; null when it never does (closed, or a stage without a limit).</summary>
    public DateTimeOffset? StaleAt { get; private set; }

    /// <summary>When the owner was told the deal is stale; cleared by activity so that the next staleness is told again.</summary>
    public DateTimeOffset? StaleNotifiedAt { get; internal set; }

    public bool IsStale(DateTimeOffset now) => StaleAt is { } at && at <= now;

    internal void AddressTo(int customerId, string customerName)
    {
        (CustomerId, CustomerName) = (customerId, customerName);
        SearchText = CustomerMatching.SearchKey(Name + " " + customerName);
    }

    /// <summary>Sets what the rep describes; the close date is checked only when it changes, so old closed deals stay editable.</summary>
    public void Describe(OpportunityFields fields, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Name = TextRules.Required(fields.Name, NameMaxLength, "name", "Opportunities.NameRequired");
        if (fields.Amount < 0m)
        {
            throw new DomainException("Opportunities.NegativeAmount") { Field = "amount" };
        }

        Amount = MoneyConversion.Require(fields.Amount, "amount");
        if (fields.ExpectedCloseDate != ExpectedCloseDate && fields.ExpectedCloseDate < today.AddDays(-CloseDateMaxDaysPast))
        {
            throw new DomainException("Opportunities.CloseDateTooOld", CloseDateMaxDaysPast) { Field = "expectedCloseDate" };
        }

        ExpectedCloseDate = fields.ExpectedCloseDate;
        Competitor = TextRules.Optional(fields.Competitor, CompetitorMaxLength, "competitor");
        NextStep = TextRules.Optional(fields.NextStep, NextStepMaxLength, "nextStep");
        SearchText = CustomerMatching.SearchKey(Name + " " + CustomerName);
        Weigh();
    }

    /// <summary>
    /// Puts the deal in <paramref name="stage"/> (or keeps it where it is): the probability becomes the one
    /// given, or the new stage's default on a change; entering a lost stage needs a reason; leaving a won or
    /// lost stage needs <paramref name="reopen"/>. Returns the history row of a change, null when the stage stays.
    /// </summary>
    public OpportunityStageChange? EnterStage(PipelineStage stage, int? probability, string? lostReason, bool reopen, DateTimeOffset now, int? userId)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var from = Stage;
        var changes = from is null || from.Id != stage.Id;
        if (from is not null && ReopenNeeded(from.Kind, from.Id, stage.Id) && !reopen)
        {
            throw new DomainException("Opportunities.ReopenRequired") { Field = "stageId" };
        }

        var reason = TextRules.Optional(lostReason, LostReasonMaxLength, "lostReason");
        if (stage.Kind == PipelineStageKind.Lost && reason is null)
        {
            throw new DomainException("Opportunities.LostReasonRequired") { Field = "lostReason" };
        }

        Probability = probability is { } given ? RequireProbability(given, "probability") : changes ? stage.DefaultProbability : Probability;
        LostReason = stage.Kind == PipelineStageKind.Lost ? reason : null;
        (Stage, StageId) = (stage, stage.Id);
        Weigh();
        if (!changes)
        {
            return null;
        }

        StageEnteredAt = now;
        RecordActivity(now);
        return new OpportunityStageChange { Opportunity = this, FromStageId = from?.Id, ToStageId = stage.Id, ChangedAt = now, ChangedById = userId };
    }

    /// <summary>A won or lost deal (one in a stage of <paramref name="kind"/>) leaves its stage for another only when reopened.</summary>
    public static bool ReopenNeeded(PipelineStageKind kind, int stageId, int toStageId) => kind != PipelineStageKind.Open && toStageId != stageId;

    /// <summary>Something happened on the deal or with its customer at <paramref name="at"/>: its staleness counts from then.</summary>
    public void RecordActivity(DateTimeOffset at)
    {
        if (at >= LastActivityAt)
        {
            LastActivityAt = at;
            StaleNotifiedAt = null;
        }

        RefreshStaleAt();
    }

    /// <summary>Demo data: the deal has been in its stage, without activity, since <paramref name="since"/>.</summary>
    internal void Backdate(DateTimeOffset since)
    {
        (StageEnteredAt, LastActivityAt, StaleNotifiedAt) = (since, since, null);
        RefreshStaleAt();
    }

    /// <summary>Staleness counts from the last activity against the stage's limit (PipelineStages applies a changed limit in SQL alike).</summary>
    internal void RefreshStaleAt() =>
        StaleAt = Stage is { IsOpen: true, StaleAfterDays: { } days } ? LastActivityAt.AddDays(days) : null;

    internal static int RequireProbability(int probability, string field) =>
        probability is < 0 or > 100 ? throw new DomainException("Opportunities.InvalidProbability") { Field = field } : probability;

    private void Weigh() => WeightedAmount = Money.Round(Amount * Probability / 100m);
}

/// <summary>What the rep fills in besides the stage.</summary>
public sealed record OpportunityFields(string Name, decimal Amount, DateOnly ExpectedCloseDate, string? Competitor = null, string? NextStep = null);

/// <summary>One stage change of a deal: from where (null when it was created), to where, when and by whom.</summary>
public sealed class OpportunityStageChange
{
    public int Id { get; private set; }

    public int OpportunityId { get; internal set; }

    public Opportunity? Opportunity { get; internal set; }

    public int? FromStageId { get; internal set; }

    public int ToStageId { get; internal set; }

    public DateTimeOffset ChangedAt { get; internal set; }

    public int? ChangedById { get; internal set; }
}
