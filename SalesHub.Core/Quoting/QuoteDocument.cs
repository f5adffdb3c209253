using SalesHub.Core.Company;

namespace SalesHub.Core.Quoting;

/// <summary>
/// Everything a printed quote shows, in the quote's own <see cref="Language"/> (names and addresses
/// already picked for it): the print view and the PDF render this and compute nothing themselves.
/// Amounts come from <see cref="QuotePricing"/>; dates are days as quotes count them (UTC, like
/// <see cref="Quote.ValidUntil"/>).
/// </summary>
public sealed record QuoteDocument(
    int QuoteId,
    long QuoteVersion,
    string Number,
    int Revision,
    string Language,
    QuoteStatus Status,
    DateOnly IssueDate,
    DateOnly ValidUntil,
    QuoteLetterhead Company,
    QuoteCustomerBlock Customer,
    QuoteRepBlock Rep,
    IReadOnlyList<QuoteDocumentLine> Lines,
    QuoteTotals Totals,
    bool PricesIncludeTax,
    string? Notes,
    string? Terms)
{
    /// <summary>"Q2026-00001-v2.pdf": the number and revision, safe as a file name everywhere.</summary>
    public string FileName => $"{Number}-v{Revision}.pdf";

    /// <summary>A quote that has not been sent yet (a draft, or one waiting for approval) prints marked as a draft.</summary>
    public bool IsDraft => Status is QuoteStatus.Draft or QuoteStatus.PendingApproval;
}

/// <summary>
/// The company as the letterhead shows it: its name and address in the quote's language, its other
/// <see cref="CompanyDetails"/> (phone, tax number, bank, currency) as set, and its logo (null when none).
/// </summary>
public sealed record QuoteLetterhead(string Name, string? Address, CompanyDetails Details, CompanyLogo? Logo, long SettingsVersion);

/// <summary>Who the quote is for: the customer and, when the quote names one, the contact.</summary>
public sealed record QuoteCustomerBlock(string Name, string? Address, string? ContactName, string? ContactPhone, string? ContactEmail);

/// <summary>The rep who owns the quote, and how to reach them.</summary>
public sealed record QuoteRepBlock(string Name, string? Phone, string? Email);

/// <summary>One printed line: the product as the quote took it, named in the quote's language, and the line's amount after its own discounts.</summary>
public sealed record QuoteDocumentLine(
    int Position,
    string Sku,
    string Name,
    string Unit,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal DiscountAmount,
    decimal Amount,
    decimal TaxRate);
