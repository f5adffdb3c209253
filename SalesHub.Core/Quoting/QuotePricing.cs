using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Quoting;

/// <summary>
/// The one place a quote's totals are computed: pages, the PDF, the API and orders all call
/// <see cref="Calculate"/>, so that every screen and document shows the same cents. Amounts are rounded to
/// cents by <see cref="Money.Round"/> only: each line's amount once; the tax per line, or once per rate
/// when <see cref="TaxRounding.Global"/>. Amounts spread over lines (the quote discount, a rate's global
/// tax) are split cent by cent with <see cref="Money.Allocate"/>, so the lines always add up to the totals.
/// </summary>
public static class QuotePricing
{
    /// <summary>The largest quantity on a line.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>The largest unit price, and the largest line amount (unit price × quantity).</summary>
    public const decimal MaxAmount = MoneyConversion.MaxAmount;

    private const int QuantityDecimals = 3;
    private const int PercentDecimals = 2;

    public static QuoteTotals Calculate(PricingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = input.Lines;
        var gross = new long[lines.Count];
        var amounts = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            (gross[i], amounts[i]) = PriceLine(lines[i], i);
        }

        var quoteDiscount = QuoteDiscount(input, amounts.Sum());
        var discountShares = Money.Allocate(quoteDiscount, amounts);

        // Tax-excluded: what is left of each line after discounts is untaxed and the tax comes on top.
        // Tax-included: it is the line's total, which stays as entered, and the tax is taken out of it.
        var taxBases = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            taxBases[i] = amounts[i] - discountShares[i];
        }

        var taxes = Taxes(input, taxBases);
        var untaxed = new long[lines.Count];
        var results = new LineTotals[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            untaxed[i] = input.PricesIncludeTax ? taxBases[i] - taxes[i] : taxBases[i];
            results[i] = new LineTotals(
                Money.FromCents(gross[i]), Money.FromCents(gross[i] - amounts[i]), Money.FromCents(amounts[i]),
                Money.FromCents(discountShares[i]), Money.FromCents(untaxed[i]), lines[i].TaxRate, Money.FromCents(taxes[i]),
                Money.FromCents(untaxed[i] + taxes[i]));
        }

        var perRate = Enumerable.Range(0, lines.Count).GroupBy(i => lines[i].TaxRate)
            .Select(rate => new TaxTotal(rate.Key, Money.FromCents(rate.Sum(i => untaxed[i])), Money.FromCents(rate.Sum(i => taxes[i]))))
            .OrderBy(t => t.Rate)
            .ToArray();
        return new QuoteTotals(
            results, Money.FromCents(gross.Sum()), Money.FromCents(gross.Sum() - amounts.Sum()), Money.FromCents(quoteDiscount),
            Money.FromCents(untaxed.Sum()), perRate, Money.FromCents(taxes.Sum()), Money.FromCents(untaxed.Sum() + taxes.Sum()));
    }

    /// <summary>The line's amount before discounts, and after its own discounts, in cents.</summary>
    private static (long Gross, long Amount) PriceLine(PricingLine line, int index)
    {
        Require(line.Quantity >= 0, "Quotes.NegativeQuantity", index, "quantity");
        RequireDecimals(line.Quantity, QuantityDecimals, index, "quantity");
        Require(line.Quantity <= MaxQuantity, "Quotes.TooLarge", index, "quantity", MaxQuantity);
        Require(line.UnitPrice >= 0, "Quotes.NegativePrice", index, "unitPrice");
        RequireAmount(line.UnitPrice, index, "unitPrice");
        RequirePercent(line.DiscountPercent, index, "discountPercent");
        RequireDiscountAmount(line.DiscountAmount, index, "discountAmount");
        Require(line.TaxRate is >= 0 and <= 100, "Quotes.InvalidTaxRate", index, "taxRate");
        RequireDecimals(line.TaxRate, PercentDecimals, index, "taxRate");

        var gross = Money.Round(line.UnitPrice * line.Quantity);
        Require(gross <= MaxAmount, "Quotes.TooLarge", index, "quantity", MaxAmount);
        var afterPercent = Money.Round(line.UnitPrice * (1 - (line.DiscountPercent / 100)) * line.Quantity);
        Require(line.DiscountAmount <= afterPercent, "Quotes.DiscountAboveAmount", index, "discountAmount", afterPercent);
        return (Money.ToCents(gross), Money.ToCents(afterPercent - line.DiscountAmount));
    }

    /// <summary>The quote discount in cents: its percent of the lines' amounts, then its amount off what is left.</summary>
    private static long QuoteDiscount(PricingInput input, long linesAmount)
    {
        RequirePercent(input.DiscountPercent, null, "discountPercent");
        RequireDiscountAmount(input.DiscountAmount, null, "discountAmount");
        var percentOff = Money.ToCents(Money.Round(Money.FromCents(linesAmount) * input.DiscountPercent / 100));
        var amountOff = Money.ToCents(input.DiscountAmount);
        Require(amountOff <= linesAmount - percentOff, "Quotes.DiscountAboveAmount", null, "discountAmount", Money.FromCents(linesAmount - percentOff));
        return percentOff + amountOff;
    }

    /// <summary>Each line's tax in cents: rounded on the line, or rounded once per rate and split back over the rate's lines.</summary>
    private static long[] Taxes(PricingInput input, long[] taxBases)
    {
        var lines = input.Lines;
        var taxes = new long[lines.Count];
        if (input.TaxRounding == TaxRounding.PerLine)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                taxes[i] = TaxOn(taxBases[i], lines[i].TaxRate, input.PricesIncludeTax);
            }

            return taxes;
        }

        foreach (var rate in Enumerable.Range(0, lines.Count).GroupBy(i => lines[i].TaxRate))
        {
            var indexes = rate.ToArray();
            var bases = Array.ConvertAll(indexes, i => taxBases[i]);
            var shares = Money.Allocate(TaxOn(bases.Sum(), rate.Key, input.PricesIncludeTax), bases);
            for (var j = 0; j < indexes.Length; j++)
            {
                taxes[indexes[j]] = shares[j];
            }
        }

        return taxes;
    }

    private static long TaxOn(long baseCents, decimal rate, bool included)
    {
        var amount = Money.FromCents(baseCents);
        return Money.ToCents(Money.Round(included ? amount * rate / (100 + rate) : amount * rate / 100));
    }

    private static void RequirePercent(decimal percent, int? line, string field)
    {
        Require(percent >= 0, "Quotes.NegativeDiscount", line, field);
        Require(percent <= 100, "Quotes.DiscountOver100", line, field);
        RequireDecimals(percent, PercentDecimals, line, field);
    }

    private static void RequireDiscountAmount(decimal amount, int? line, string field)
    {
        Require(amount >= 0, "Quotes.NegativeDiscount", line, field);
        RequireAmount(amount, line, field);
    }

    private static void RequireAmount(decimal amount, int? line, string field)
    {
        RequireDecimals(amount, Money.Decimals, line, field);
        Require(amount <= MaxAmount, "Quotes.TooLarge", line, field, MaxAmount);
    }

    private static void RequireDecimals(decimal value, int decimals, int? line, string field) =>
        Require(decimal.Round(value, decimals) == value, "Quotes.TooManyDecimals", line, field, decimals);

    private static void Require(bool rule, string code, int? line, string field)
    {
        if (!rule)
        {
            throw Refusal(code, line, field);
        }
    }

    // Generic, so that the argument is boxed only when the rule is broken: every line is checked on every keystroke.
    private static void Require<T>(bool rule, string code, int? line, string field, T argument)
    {
        if (!rule)
        {
            throw Refusal(code, line, field, argument);
        }
    }

    private static DomainException Refusal(string code, int? line, string field, params object?[] arguments) =>
        new(code, arguments) { Field = line is { } index ? $"lines[{index}].{field}" : field };
}
