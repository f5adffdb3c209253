using SalesHub.Core.Records;

namespace SalesHub.Core.Quoting;

/// <summary>
/// A quote or an order: lines, a document discount and how tax is applied. Its totals are stored for
/// lists and always come from <see cref="QuotePricing"/>.
/// </summary>
public abstract class PricedDocument<TLine> : BusinessRecord, IPricingTerms
    where TLine : PricedLine
{
    // Not private: EF finds the backing field of Lines on the document type, which inherits it.
    private protected readonly List<TLine> _lines = [];

    public bool PricesIncludeTax { get; internal set; }

    public TaxRounding TaxRounding { get; internal set; }

    public decimal DiscountPercent { get; internal set; }

    public decimal DiscountAmount { get; internal set; }

    public decimal Untaxed { get; internal set; }

    public decimal Tax { get; internal set; }

    public decimal Total { get; internal set; }

    public IReadOnlyList<TLine> Lines => _lines;

    internal List<TLine> LineList => _lines;

    public PricingInput ToPricing() => PricingInput.From(this, _lines.OrderBy(l => l.Position));

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
