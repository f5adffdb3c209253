namespace SalesHub.Core.Contracts;

/// <summary>What a rep enters for a contract. The customer is fixed once the contract exists.</summary>
public sealed record ContractTerms(
    string? Title,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal Amount,
    int RenewalReminderDays,
    DateOnly? SignedOn = null,
    string? Notes = null);

/// <summary>A new contract: whose, for which order (optional), and its terms; the reminder days default to the company's setting.</summary>
public sealed record ContractDraft(
    int CustomerId,
    int? OrderId,
    string? Title,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal Amount,
    int? RenewalReminderDays = null,
    DateOnly? SignedOn = null,
    string? Notes = null);

public sealed record ContractQuery
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Part of the number, the title or the customer's name.</summary>
    public string? Search { get; init; }

    public string? Sort { get; init; }

    public ContractStatus? Status { get; init; }

    public int? CustomerId { get; init; }

    public int? OrderId { get; init; }

    public int? OwnerId { get; init; }

    /// <summary>Only signed or active contracts ending within this many days from today (ended ones excluded).</summary>
    public int? EndingWithinDays { get; init; }
}

/// <summary>A contract in lists; <see cref="EndingSoon"/> when its renewal reminder is due and it still runs.</summary>
public sealed record ContractRow(
    int Id, string Number, string Title, int CustomerId, string CustomerName, int? OrderId, string? OrderNumber, int OwnerId,
    ContractStatus Status, DateOnly? SignedOn, DateOnly StartsOn, DateOnly EndsOn, decimal Amount, bool EndingSoon, DateTimeOffset UpdatedAt);

/// <summary>A contract as its page shows it, and what the viewer may do with it.</summary>
public sealed record ContractView(
    int Id, string Number, string Title, int CustomerId, string CustomerName, int? OrderId, string? OrderNumber, int OwnerId, string OwnerName,
    ContractStatus Status, DateOnly? SignedOn, DateOnly StartsOn, DateOnly EndsOn, decimal Amount, string? Notes,
    string? TerminationReason, DateTimeOffset? TerminatedAt, int RenewalReminderDays, DateTimeOffset? RenewalRemindedAt,
    bool EndingSoon, bool CanEdit, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public bool IsEditable => CanEdit && Status == ContractStatus.Draft;

    public bool CanSign => CanEdit && Status == ContractStatus.Draft;

    public bool CanTerminate => CanEdit && Status is ContractStatus.Signed or ContractStatus.Active;
}

internal static class ContractLinks
{
    public static string Of(int id) => $"/contracts/{id}";
}
