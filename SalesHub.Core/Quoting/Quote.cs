using SalesHub.Core.Errors;

namespace SalesHub.Core.Quoting;

/// <summary>
/// A quote (报价单) to a customer, owned by the rep who made it. Its revisions share
/// <see cref="PricedDocument.Number"/>; each later one points at the one it replaced, which becomes Superseded.
/// </summary>
public sealed class Quote : PricedDocument<QuoteLine>
{
    public const int NumberMaxLength = 20;
    public const int TermsMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    public int Revision { get; internal set; } = 1;

    public int? PreviousRevisionId { get; internal set; }

    public QuoteStatus Status { get; internal set; } = QuoteStatus.Draft;

    public DateOnly ValidUntil { get; internal set; }

    public string? Terms { get; internal set; }

    /// <summary>The largest effective discount (line or quote) in percent when the quote was last sent.</summary>
    public decimal? ApprovalDiscountPercent { get; internal set; }

    public DateTimeOffset? ApprovalRequestedAt { get; internal set; }

    public int? ApprovalDecidedById { get; internal set; }

    public DateTimeOffset? ApprovalDecidedAt { get; internal set; }

    public string? ApprovalComment { get; internal set; }

    public DateTimeOffset? SentAt { get; internal set; }

    internal void RequireStatus(QuoteStatus expected, params QuoteStatus[] others)
    {
        if (Status != expected && !others.Contains(Status))
        {
            throw new DomainException("Quotes.InvalidTransition") { Field = "status" };
        }
    }
}
