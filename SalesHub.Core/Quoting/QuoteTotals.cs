namespace SalesHub.Core.Quoting;

/// <summary>
/// A quote's totals, every amount in cents. <see cref="Subtotal"/> and the discounts are in the basis the
/// prices were entered in (tax excluded or included), so Subtotal − Discount is <see cref="Untaxed"/> for
/// tax-excluded prices and <see cref="Total"/> for tax-included ones. Always: the lines add up to every
/// total, <see cref="Taxes"/> add up to <see cref="Tax"/>, and Untaxed + Tax = Total.
/// </summary>
public sealed record QuoteTotals(
    IReadOnlyList<LineTotals> Lines,
    decimal Subtotal,
    decimal LineDiscounts,
    decimal QuoteDiscount,
    decimal Untaxed,
    IReadOnlyList<TaxTotal> Taxes,
    decimal Tax,
    decimal Total)
{
    /// <summary>The line discounts and the quote discount together.</summary>
    public decimal Discount => LineDiscounts + QuoteDiscount;
}

/// <summary>
/// One line's share of the totals, in the order of the input lines. <see cref="Gross"/> is unit price ×
/// quantity; <see cref="Amount"/> = Gross − LineDiscount is what the line table shows; the line's share of
/// the quote discount then leaves <see cref="Untaxed"/> + <see cref="Tax"/> = <see cref="Total"/>.
/// </summary>
public sealed record LineTotals(decimal Gross, decimal LineDiscount, decimal Amount, decimal QuoteDiscount, decimal Untaxed, decimal TaxRate, decimal Tax, decimal Total);

/// <summary>The untaxed amount taxed at one rate, and its tax; a quote lists one per rate its lines use, lowest rate first.</summary>
public sealed record TaxTotal(decimal Rate, decimal Untaxed, decimal Tax);
