using SalesHub.Core.Pipeline;

namespace SalesHub.Web.Components.Pages.Pipeline.Components;

/// <summary>What the deal page's form holds while the user types; kept as typed when a save is refused or stale.</summary>
public sealed class OpportunityForm
{
    public int? CustomerId { get; set; }

    public string? CustomerName { get; set; }

    public string? Name { get; set; }

    public decimal Amount { get; set; }

    public DateTime? ExpectedCloseDate { get; set; }

    public int StageId { get; set; }

    public int? Probability { get; set; }

    public string? Competitor { get; set; }

    public string? NextStep { get; set; }

    public string? LostReason { get; set; }

    public bool Reopen { get; set; }

    public static OpportunityForm From(OpportunityView view) => new()
    {
        CustomerId = view.CustomerId,
        CustomerName = view.CustomerName,
        Name = view.Name,
        Amount = view.Amount,
        ExpectedCloseDate = view.ExpectedCloseDate.ToDateTime(TimeOnly.MinValue),
        StageId = view.StageId,
        Probability = view.Probability,
        Competitor = view.Competitor,
        NextStep = view.NextStep,
        LostReason = view.LostReason,
    };

    /// <summary>
    /// The user's edit reapplied on top of someone else's save: fields the user changed from
    /// <paramref name="original"/> keep the user's value, the others take the saved one from <paramref name="saved"/>.
    /// </summary>
    public OpportunityForm Rebase(OpportunityForm original, OpportunityForm saved) => new()
    {
        CustomerId = saved.CustomerId,
        CustomerName = saved.CustomerName,
        Name = Pick(Name, original.Name, saved.Name),
        Amount = Pick(Amount, original.Amount, saved.Amount),
        ExpectedCloseDate = Pick(ExpectedCloseDate, original.ExpectedCloseDate, saved.ExpectedCloseDate),
        StageId = Pick(StageId, original.StageId, saved.StageId),
        Probability = Pick(Probability, original.Probability, saved.Probability),
        Competitor = Pick(Competitor, original.Competitor, saved.Competitor),
        NextStep = Pick(NextStep, original.NextStep, saved.NextStep),
        LostReason = Pick(LostReason, original.LostReason, saved.LostReason),
        Reopen = Reopen,
    };

    private static T Pick<T>(T mine, T original, T saved) => EqualityComparer<T>.Default.Equals(mine, original) ? saved : mine;

    public OpportunityDraft ToDraft() => new(
        CustomerId ?? 0,
        Name ?? "",
        Amount,
        ExpectedCloseDate is { } date ? DateOnly.FromDateTime(date) : default,
        StageId,
        Probability,
        Competitor,
        NextStep,
        LostReason,
        Reopen);
}
