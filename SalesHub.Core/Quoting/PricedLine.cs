namespace SalesHub.Core.Quoting;

/// <summary>
/// A product line priced by <see cref="QuotePricing"/>, on a quote or an order: the product as it was
/// when the line was added (SKU, names, unit, tax rate and the price it started from), what the rep
/// entered, and the line's totals.
/// </summary>
public abstract class PricedLine : IPricingEntry
{
    public int Id { get; private set; }

    public int Position { get; internal set; }

    public int ProductId { get; init; }

    public string Sku { get; init; } = "";

    public string? NameEn { get; init; }

    public string? NameZh { get; init; }

    public string Unit { get; init; } = "";

    public decimal Quantity { get; init; }

    public decimal UnitPrice { get; init; }

    /// <summary>The unit price the line started from (the customer's price list, or the list price): discounts are measured from it.</summary>
    public decimal StandardPrice { get; init; }

    public decimal DiscountPercent { get; init; }

    public decimal DiscountAmount { get; init; }

    public decimal TaxRate { get; init; }

    /// <summary>Unit price × quantity less the line's own discounts.</summary>
    public decimal Amount { get; internal set; }

    public decimal Untaxed { get; internal set; }

    public decimal Tax { get; internal set; }

    public decimal Total { get; internal set; }

    /// <summary>The same product, entries and position on another document; its totals come from repricing that document.</summary>
    internal TLine CopyAs<TLine>()
        where TLine : PricedLine, new() => new()
        {
            Position = Position, ProductId = ProductId, Sku = Sku, NameEn = NameEn, NameZh = NameZh, Unit = Unit,
            Quantity = Quantity, UnitPrice = UnitPrice, StandardPrice = StandardPrice,
            DiscountPercent = DiscountPercent, DiscountAmount = DiscountAmount, TaxRate = TaxRate,
        };
}
