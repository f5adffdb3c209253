using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Quoting;

/// <summary>
/// A quote (报价单) to a customer, owned by the rep who made it. Its revisions share
/// <see cref="Number"/>; each later one points at the one it replaced, which becomes Superseded.
/// Totals are stored for lists and always come from <see cref="QuotePricing"/>.
/// </summary>
public sealed class Quote : BusinessRecord
{
    public const int NumberMaxLength = 20;
    public const int LanguageMaxLength = 5;
    public const int NotesMaxLength = 4000;
    public const int TermsMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    private readonly List<QuoteLine> _lines = [];

    public string Number { get; internal set; } = "";

    public int Revision { get; internal set; } = 1;

    public int? PreviousRevisionId { get; internal set; }

    public int CustomerId { get; internal set; }

    /// <summary>The customer's name as the quote addresses it: taken whenever the draft is saved, kept once it is sent.</summary>
    public string CustomerName { get; private set; } = "";

    /// <summary>The customer's name folded for the list's search box (<see cref="CustomerMatching.SearchKey"/>).</summary>
    public string SearchText { get; private set; } = "";

    public int? ContactId { get; internal set; }

    /// <summary>The customer's deal the quote is for, when the rep says so.</summary>
    public int? OpportunityId { get; internal set; }

    public string Language { get; internal set; } = "zh-CN";

    public QuoteStatus Status { get; internal set; } = QuoteStatus.Draft;

    public DateOnly ValidUntil { get; internal set; }

    public string? Notes { get; internal set; }

    public string? Terms { get; internal set; }

    public bool PricesIncludeTax { get; internal set; }

    public TaxRounding TaxRounding { get; internal set; }

    public decimal DiscountPercent { get; internal set; }

    public decimal DiscountAmount { get; internal set; }

    public decimal Untaxed { get; internal set; }

    public decimal Tax { get; internal set; }

    public decimal Total { get; internal set; }

    /// <summary>The largest effective discount (line or quote) in percent when the quote was last sent.</summary>
    public decimal? ApprovalDiscountPercent { get; internal set; }

    public DateTimeOffset? ApprovalRequestedAt { get; internal set; }

    public int? ApprovalDecidedById { get; internal set; }

    public DateTimeOffset? ApprovalDecidedAt { get; internal set; }

    public string? ApprovalComment { get; internal set; }

    public DateTimeOffset? SentAt { get; internal set; }

    public IReadOnlyList<QuoteLine> Lines => _lines;

    internal List<QuoteLine> LineList => _lines;

    public PricingInput ToPricing() => new(_lines.OrderBy(l => l.Position).Select(l => l.ToPricing()).ToList())
    {
        PricesIncludeTax = PricesIncludeTax,
        TaxRounding = TaxRounding,
        DiscountPercent = DiscountPercent,
        DiscountAmount = DiscountAmount,
    };

    internal void AddressTo(int customerId, string customerName)
    {
        (CustomerId, CustomerName) = (customerId, customerName);
        SearchText = CustomerMatching.SearchKey(customerName);
    }

    /// <summary>Prices the lines and stores the totals; throws the engine's refusal for bad input.</summary>
    internal QuoteTotals Reprice()
    {
        var ordered = _lines.OrderBy(l => l.Position).ToList();
        var totals = QuotePricing.Calculate(ToPricing());
        for (var i = 0; i < ordered.Count; i++)
        {
            var line = totals.Lines[i];
            (ordered[i].Amount, ordered[i].Untaxed, ordered[i].Tax, ordered[i].Total) = (line.Amount, line.Untaxed, line.Tax, line.Total);
        }

        (Untaxed, Tax, Total) = (totals.Untaxed, totals.Tax, totals.Total);
        return totals;
    }

    internal void RequireStatus(QuoteStatus expected, params QuoteStatus[] others)
    {
        if (Status != expected && !others.Contains(Status))
        {
            throw new DomainException("Quotes.InvalidTransition") { Field = "status" };
        }
    }
}
