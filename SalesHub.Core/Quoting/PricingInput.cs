namespace SalesHub.Core.Quoting;

/// <summary>
/// What a quote's totals depend on. Prices are entered without tax, or with tax when
/// <see cref="PricesIncludeTax"/>: then each line's amount after discounts is the price the customer
/// pays, tax included, and the tax inside it is derived. The quote discount is
/// <see cref="DiscountPercent"/> off the lines' amounts, then <see cref="DiscountAmount"/> off what is
/// left (either or both may be 0), spread over the lines in proportion to their amounts.
/// </summary>
public sealed record PricingInput(IReadOnlyList<PricingLine> Lines)
{
    public bool PricesIncludeTax { get; init; }

    public TaxRounding TaxRounding { get; init; } = TaxRounding.PerLine;

    /// <summary>Percent off the whole quote, 0–100, at most 2 decimals.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>An amount off the whole quote after <see cref="DiscountPercent"/>, in cents (2 decimals), at most what is left.</summary>
    public decimal DiscountAmount { get; init; }

    /// <summary>The input for <paramref name="terms"/>' lines, in the order given: a stored document's or the editor's.</summary>
    public static PricingInput From(IPricingTerms terms, IEnumerable<IPricingEntry> lines)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new(lines.Select(PricingLine.From).ToList())
        {
            PricesIncludeTax = terms.PricesIncludeTax,
            TaxRounding = terms.TaxRounding,
            DiscountPercent = terms.DiscountPercent,
            DiscountAmount = terms.DiscountAmount,
        };
    }
}

/// <summary>What a document's totals depend on besides its lines, wherever it is held (stored, or in an editor).</summary>
public interface IPricingTerms
{
    bool PricesIncludeTax { get; }

    TaxRounding TaxRounding { get; }

    decimal DiscountPercent { get; }

    decimal DiscountAmount { get; }
}

/// <summary>What one line's price depends on, wherever it is held (stored, or in an editor).</summary>
public interface IPricingEntry
{
    decimal Quantity { get; }

    decimal UnitPrice { get; }

    decimal TaxRate { get; }

    decimal DiscountPercent { get; }

    decimal DiscountAmount { get; }
}

/// <summary>
/// One quote line. The line's amount is unit price × (1 − <see cref="DiscountPercent"/> / 100) × quantity,
/// rounded to cents once, less <see cref="DiscountAmount"/>, which may be used instead of or besides the percent.
/// </summary>
/// <param name="Quantity">At least 0, at most 3 decimals (2.5 kg).</param>
/// <param name="UnitPrice">At least 0, in cents (2 decimals), tax excluded or included as the quote says.</param>
/// <param name="TaxRate">A percent, 0–100, at most 2 decimals: 13 is 13 %.</param>
public sealed record PricingLine(decimal Quantity, decimal UnitPrice, decimal TaxRate)
{
    /// <summary>Percent off the unit price, 0–100, at most 2 decimals.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>An amount off the line after <see cref="DiscountPercent"/>, in cents (2 decimals), at most the line's amount.</summary>
    public decimal DiscountAmount { get; init; }

    public static PricingLine From(IPricingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Quantity, entry.UnitPrice, entry.TaxRate) { DiscountPercent = entry.DiscountPercent, DiscountAmount = entry.DiscountAmount };
    }
}
