namespace SalesHub.Core.Quoting;

/// <summary>Where a quote is: Draft → (PendingApproval →) Sent → Accepted / Rejected / Expired; a revised one is Superseded.</summary>
public enum QuoteStatus
{
    Draft,
    PendingApproval,
    Sent,
    Accepted,
    Rejected,
    Expired,
    Superseded,
}
