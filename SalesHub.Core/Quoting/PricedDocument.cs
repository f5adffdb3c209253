using SalesHub.Core.Customers;
using SalesHub.Core.Records;

namespace SalesHub.Core.Quoting;

/// <summary>
/// A quote or an order: its number, the customer it is for, in which language, a document discount, how
/// tax is applied, and its totals, which are stored for lists and always come from <see cref="QuotePricing"/>.
/// </summary>
public abstract class PricedDocument : BusinessRecord, IPricingTerms
{
    public const int LanguageMaxLength = 5;
    public const int NotesMaxLength = 4000;

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public string Number { get; internal set; } = "";

    public int CustomerId { get; private set; }

    /// <summary>The customer's name as the document addresses it, kept for lists and documents.</summary>
    public string CustomerName { get; private set; } = "";

    /// <summary>The customer's name folded for the list's search box (<see cref="CustomerMatching.SearchKey"/>).</summary>
    public string SearchText { get; private set; } = "";

    public int? ContactId { get; internal set; }

    /// <summary>The customer's deal the document is for, when the rep says so.</summary>
    public int? OpportunityId { get; internal set; }

    public string Language { get; internal set; } = "zh-CN";

    public string? Notes { get; internal set; }

    public bool PricesIncludeTax { get; internal set; }

    public TaxRounding TaxRounding { get; internal set; }

    public decimal DiscountPercent { get; internal set; }

    public decimal DiscountAmount { get; internal set; }

    public decimal Untaxed { get; internal set; }

    public decimal Tax { get; internal set; }

    public decimal Total { get; internal set; }

    internal void AddressTo(int customerId, string customerName)
    {
        (CustomerId, CustomerName) = (customerId, customerName);
        SearchText = CustomerMatching.SearchKey(customerName);
    }
}

/// <summary>A priced document with its lines of type <typeparamref name="TLine"/>.</summary>
public abstract class PricedDocument<TLine> : PricedDocument
    where TLine : PricedLine
{
    // Not private: EF finds the backing field of Lines on the document type, which inherits it.
    private protected readonly List<TLine> _lines = [];

    public IReadOnlyList<TLine> Lines => _lines;

    internal List<TLine> LineList => _lines;

    public PricingInput ToPricing() => PricingInput.From(this, _lines.OrderBy(l => l.Position));

    /// <summary>Takes what the rep entered for the whole document and prices it; throws the engine's refusal for bad input.</summary>
    internal void Describe(IEnumerable<TLine> lines, decimal discountPercent, decimal discountAmount, string? notes)
    {
        Notes = TextRules.Optional(notes, NotesMaxLength, "notes");
        (DiscountPercent, DiscountAmount) = (discountPercent, discountAmount);
        _lines.Clear();
        _lines.AddRange(lines);
        Reprice();
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

    /// <summary>Throws unless the stored totals are the engine's for the stored lines, and returns them.</summary>
    internal QuoteTotals CheckedTotals()
    {
        var totals = QuotePricing.Calculate(ToPricing());
        if (totals.Untaxed != Untaxed || totals.Tax != Tax || totals.Total != Total)
        {
            throw new InvalidOperationException($"{GetType().Name} {Id}'s stored totals differ from the pricing engine's.");
        }

        return totals;
    }
}
