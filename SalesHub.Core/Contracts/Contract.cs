using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Contracts;

/// <summary>
/// A contract (合同) with a customer, for one of its orders or for the customer as a whole: numbered by the
/// company's contract series, with its terms (dates and amount), which only a draft may change, and a
/// renewal reminder its owner gets <see cref="RenewalReminderDays"/> days before it ends.
/// </summary>
public sealed class Contract : BusinessRecord
{
    public const int NumberMaxLength = 30;
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int NotesMaxLength = 4000;
    public const int MaxReminderDays = 365;

    public string Number { get; internal set; } = "";

    public int CustomerId { get; private set; }

    /// <summary>The customer's name when the contract was written, kept for lists.</summary>
    public string CustomerName { get; private set; } = "";

    /// <summary>The customer's order the contract is for; a customer-wide contract has none.</summary>
    public int? OrderId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly? SignedOn { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public decimal Amount { get; private set; }

    public ContractStatus Status { get; private set; } = ContractStatus.Draft;

    public string? Notes { get; private set; }

    public string? TerminationReason { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }

    /// <summary>How many days before <see cref="EndsOn"/> the owner is reminded to renew.</summary>
    public int RenewalReminderDays { get; private set; }

    /// <summary>When the renewal reminder was sent; set once, by whichever app node claimed it.</summary>
    public DateTimeOffset? RenewalRemindedAt { get; internal set; }

    public bool IsEditable => Status == ContractStatus.Draft;

    public bool CanSign => Status == ContractStatus.Draft;

    public bool CanTerminate => Status is ContractStatus.Signed or ContractStatus.Active;

    /// <summary>The day the renewal reminder is due (<see cref="EndsOn"/> less <see cref="RenewalReminderDays"/>), stored for the reminder job's query.</summary>
    public DateOnly RemindOn { get; private set; }

    internal void AddressTo(int customerId, string customerName, int? orderId) =>
        (CustomerId, CustomerName, OrderId) = (customerId, customerName, orderId);

    /// <summary>Takes the terms; only a draft's terms change, and the reminder date is given again.</summary>
    public void Describe(ContractTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        RequireEditable();
        var title = TextRules.Required(terms.Title, TitleMaxLength, "title", "Contracts.TitleRequired");
        var notes = TextRules.Optional(terms.Notes, NotesMaxLength, "notes");
        var (startsOn, endsOn) = RequireDates(terms.StartsOn, terms.EndsOn);
        if (terms.Amount < 0m)
        {
            throw new DomainException("Contracts.AmountNegative") { Field = "amount" };
        }

        var amount = MoneyConversion.Require(terms.Amount, "amount");
        if (terms.RenewalReminderDays is < 0 or > MaxReminderDays)
        {
            throw new DomainException("Contracts.InvalidReminderDays", MaxReminderDays) { Field = "renewalReminderDays" };
        }

        if (terms.SignedOn is { } signedOn && signedOn > endsOn)
        {
            throw new DomainException("Contracts.SignedAfterEnd") { Field = "signedOn" };
        }

        (Title, Notes, StartsOn, EndsOn, Amount, SignedOn) = (title, notes, startsOn, endsOn, amount, terms.SignedOn);
        var remindOn = endsOn.AddDays(-terms.RenewalReminderDays);
        if (remindOn != RemindOn)
        {
            // New terms mean a new reminder date, and a reminder for it.
            (RenewalReminderDays, RemindOn, RenewalRemindedAt) = (terms.RenewalReminderDays, remindOn, null);
        }
    }

    /// <summary>
    /// Signs a draft on <paramref name="signedOn"/> (not in the future); the contract is at once Active, or
    /// Expired, when <paramref name="today"/> is already within or past its dates.
    /// </summary>
    public void Sign(DateOnly? signedOn, DateOnly today)
    {
        if (!CanSign)
        {
            throw new DomainException("Contracts.InvalidTransition") { Field = "status" };
        }

        var date = signedOn ?? SignedOn ?? throw new DomainException("Contracts.SignedOnRequired") { Field = "signedOn" };
        if (date > today)
        {
            throw new DomainException("Contracts.SignedInFuture") { Field = "signedOn" };
        }

        if (date > EndsOn)
        {
            throw new DomainException("Contracts.SignedAfterEnd") { Field = "signedOn" };
        }

        RequireDates(StartsOn, EndsOn);
        (SignedOn, Status) = (date, ContractStatus.Signed);
        Advance(today);
    }

    /// <summary>Ends a signed or active contract early, for a reason.</summary>
    public void Terminate(string? reason, DateTimeOffset now)
    {
        if (!CanTerminate)
        {
            throw new DomainException("Contracts.CannotTerminate") { Field = "status" };
        }

        TerminationReason = TextRules.Required(reason, ReasonMaxLength, "reason", "Contracts.TerminationReasonRequired");
        (Status, TerminatedAt) = (ContractStatus.Terminated, now);
    }

    /// <summary>Moves a signed contract to Active on its start date and to Expired after its end date; returns whether it moved.</summary>
    public bool Advance(DateOnly today)
    {
        var next = DueStatus(Status, StartsOn, EndsOn, today);
        if (next == Status)
        {
            return false;
        }

        Status = next;
        return true;
    }

    /// <summary>The status a contract in <paramref name="status"/> has on <paramref name="today"/> by its dates.</summary>
    public static ContractStatus DueStatus(ContractStatus status, DateOnly startsOn, DateOnly endsOn, DateOnly today) => status switch
    {
        ContractStatus.Signed or ContractStatus.Active when today > endsOn => ContractStatus.Expired,
        ContractStatus.Signed when today >= startsOn => ContractStatus.Active,
        _ => status,
    };

    internal void RequireEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException("Contracts.TermsLocked") { Field = "status" };
        }
    }

    private static (DateOnly StartsOn, DateOnly EndsOn) RequireDates(DateOnly? startsOn, DateOnly? endsOn)
    {
        var start = startsOn ?? throw new DomainException("Contracts.StartRequired") { Field = "startsOn" };
        var end = endsOn ?? throw new DomainException("Contracts.EndRequired") { Field = "endsOn" };
        if (end < start)
        {
            throw new DomainException("Contracts.EndBeforeStart") { Field = "endsOn" };
        }

        return (start, end);
    }
}
