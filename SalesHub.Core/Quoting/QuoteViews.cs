namespace SalesHub.Core.Quoting;

/// <summary>A line as the rep enters it: the product, how many, and optionally its price and discounts (the customer's starting price otherwise).</summary>
public sealed record QuoteLineInput(int ProductId, decimal Quantity, decimal? UnitPrice = null, decimal DiscountPercent = 0m, decimal DiscountAmount = 0m);

/// <summary>
/// What a draft quote says. <see cref="ValidUntil"/> defaults to today plus the company's validity days;
/// <see cref="OpportunityId"/>, when given, is a deal of the same customer the actor sees.
/// </summary>
public sealed record QuoteDraft(
    int CustomerId,
    int? ContactId,
    string Language,
    IReadOnlyList<QuoteLineInput> Lines,
    decimal DiscountPercent = 0m,
    decimal DiscountAmount = 0m,
    string? Notes = null,
    DateOnly? ValidUntil = null,
    string? Terms = null,
    int? OpportunityId = null);

/// <summary>A quote in lists, with its stored totals.</summary>
public sealed record QuoteRow(
    int Id, string Number, int Revision, int CustomerId, string CustomerName, int OwnerId, QuoteStatus Status,
    DateOnly ValidUntil, decimal Untaxed, decimal Tax, decimal Total, DateTimeOffset UpdatedAt, long Version);

/// <summary>
/// Which quotes a list shows: <see cref="Search"/> matches the number or the customer's name;
/// <see cref="Sort"/> is a field name (number, customer, status, validUntil, total, updatedAt), "-" in front for descending.
/// </summary>
/// <summary>What lists of quotes and of orders are filtered, sorted and paged by.</summary>
public abstract record DocumentQuery
{
    /// <summary>Part of the number or of the customer's name.</summary>
    public string? Search { get; init; }

    public int? CustomerId { get; init; }

    public int? OwnerId { get; init; }

    /// <summary>The documents made for one deal.</summary>
    public int? OpportunityId { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

public sealed record QuoteQuery : DocumentQuery
{
    /// <summary>Every revision of one quote number, exactly.</summary>
    public string? Number { get; init; }

    public QuoteStatus? Status { get; init; }
}

/// <summary>
/// A quote with its lines and the totals <see cref="QuotePricing"/> computes for them, and what the
/// viewer may do with it: change it (owner, the owner's manager, administrators), decide its discount
/// (the owner's manager or an administrator, never the owner).
/// </summary>
public sealed record QuoteView(Quote Quote, QuoteTotals Totals, bool CanEdit, bool CanApprove);
