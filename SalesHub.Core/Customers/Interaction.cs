using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

public sealed record InteractionDetails(InteractionKind Kind, DateTimeOffset OccurredAt, int? ContactId, string Summary, string? Outcome, string? NextStep);

/// <summary>One touch with a customer — a call, a visit, a WeChat message (跟进记录) — on its timeline.</summary>
public sealed class Interaction : CustomerPart
{
    public const int SummaryMaxLength = 4000;
    public const int OutcomeMaxLength = 1000;

    public InteractionKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int? ContactId { get; private set; }

    public Contact? Contact { get; private set; }

    public string Summary { get; private set; } = "";

    public string? Outcome { get; private set; }

    public string? NextStep { get; private set; }

    /// <summary>Who logged it (not necessarily the customer's owner).</summary>
    public int LoggedById { get; set; }

    public AppUser? LoggedBy { get; private set; }

    public void Describe(InteractionDetails details)
    {
        Kind = Enum.IsDefined(details.Kind) ? details.Kind : throw new DomainException("Errors.InvalidValue") { Field = "kind" };
        // An API call that leaves the date out sends the default: year 1, never a real interaction.
        OccurredAt = details.OccurredAt != default
            ? details.OccurredAt.ToUniversalTime()
            : throw new DomainException("Errors.InvalidValue") { Field = "occurredAt" };
        ContactId = details.ContactId;
        Summary = TextRules.Required(details.Summary, SummaryMaxLength, "summary", "Interactions.SummaryRequired");
        Outcome = TextRules.Optional(details.Outcome, OutcomeMaxLength, "outcome");
        NextStep = TextRules.Optional(details.NextStep, OutcomeMaxLength, "nextStep");
    }
}
