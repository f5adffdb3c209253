using System.Globalization;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;

namespace SalesHub.Tests.Core.Quoting;

/// <summary>
/// Quotes are written as text to keep the tables readable. Options: "incl" (tax-included prices), "global"
/// (tax rounded per rate), "off 10%" and "off 5.00" (quote discount). Lines, separated by ";":
/// "quantity x unit price @tax rate", then "off 10%" and "off 1.50" for the line's discounts.
/// The expected totals read: "sub {subtotal} disc {discounts} | {untaxed}+{tax} per line | {rate}%:{tax} per rate | {untaxed}+{tax}={total}".
/// </summary>
public sealed class QuotePricingTests
{
    [Theory]
    // Tax-excluded prices, tax per line.
    [InlineData("", "1 x 100.00 @13", "sub 100.00 disc 0.00 | 100.00+13.00 | 13%:13.00 | 100.00+13.00=113.00")]
    [InlineData("", "3 x 19.99 @13", "sub 59.97 disc 0.00 | 59.97+7.80 | 13%:7.80 | 59.97+7.80=67.77")]
    [InlineData("", "2 x 50.00 @13; 10 x 4.50 @9", "sub 145.00 disc 0.00 | 100.00+13.00 45.00+4.05 | 9%:4.05 13%:13.00 | 145.00+17.05=162.05")]
    [InlineData("", "1 x 100.00 @13; 1 x 100.00 @9; 1 x 100.00 @6; 1 x 100.00 @0",
        "sub 400.00 disc 0.00 | 100.00+13.00 100.00+9.00 100.00+6.00 100.00+0.00 | 0%:0.00 6%:6.00 9%:9.00 13%:13.00 | 400.00+28.00=428.00")]
    [InlineData("", "3 x 7.77 @0", "sub 23.31 disc 0.00 | 23.31+0.00 | 0%:0.00 | 23.31+0.00=23.31")]
    [InlineData("", "", "sub 0.00 disc 0.00 |  |  | 0.00+0.00=0.00")]
    [InlineData("", "0 x 50.00 @13; 1 x 10.00 @13", "sub 10.00 disc 0.00 | 0.00+0.00 10.00+1.30 | 13%:1.30 | 10.00+1.30=11.30")]
    // Line discounts: the percent line is rounded once, not per unit.
    [InlineData("", "3 x 33.33 @13 off 10%", "sub 99.99 disc 10.00 | 89.99+11.70 | 13%:11.70 | 89.99+11.70=101.69")]
    [InlineData("", "7 x 0.15 @0 off 50%", "sub 1.05 disc 0.52 | 0.53+0.00 | 0%:0.00 | 0.53+0.00=0.53")]
    [InlineData("", "2 x 80.00 @13 off 100%", "sub 160.00 disc 160.00 | 0.00+0.00 | 13%:0.00 | 0.00+0.00=0.00")]
    [InlineData("", "1 x 100.00 @13 off 15.50", "sub 100.00 disc 15.50 | 84.50+10.99 | 13%:10.99 | 84.50+10.99=95.49")]
    [InlineData("", "4 x 25.00 @13 off 10% off 5.00", "sub 100.00 disc 15.00 | 85.00+11.05 | 13%:11.05 | 85.00+11.05=96.05")]
    [InlineData("", "1 x 20.00 @9 off 20.00", "sub 20.00 disc 20.00 | 0.00+0.00 | 9%:0.00 | 0.00+0.00=0.00")]
    // Quote discounts, spread in proportion; left-over cents to the largest remainders, earlier lines on a tie.
    [InlineData("off 10.00", "1 x 10.00 @0; 1 x 10.00 @0; 1 x 10.00 @0",
        "sub 30.00 disc 10.00 | 6.66+0.00 6.67+0.00 6.67+0.00 | 0%:0.00 | 20.00+0.00=20.00")]
    [InlineData("off 1.00", "1 x 1.00 @0; 1 x 2.00 @0", "sub 3.00 disc 1.00 | 0.67+0.00 1.33+0.00 | 0%:0.00 | 2.00+0.00=2.00")]
    [InlineData("off 10%", "1 x 10.00 @13; 1 x 20.00 @13; 1 x 3.33 @13",
        "sub 33.33 disc 3.33 | 9.00+1.17 18.00+2.34 3.00+0.39 | 13%:3.90 | 30.00+3.90=33.90")]
    [InlineData("off 15.00", "1 x 100.00 @13; 1 x 50.00 @9",
        "sub 150.00 disc 15.00 | 90.00+11.70 45.00+4.05 | 9%:4.05 13%:11.70 | 135.00+15.75=150.75")]
    [InlineData("off 10% off 0.01", "2 x 45.00 @13; 1 x 10.00 @13",
        "sub 100.00 disc 10.01 | 80.99+10.53 9.00+1.17 | 13%:11.70 | 89.99+11.70=101.69")]
    [InlineData("off 100%", "1 x 10.00 @13; 2 x 5.00 @9", "sub 20.00 disc 20.00 | 0.00+0.00 0.00+0.00 | 9%:0.00 13%:0.00 | 0.00+0.00=0.00")]
    [InlineData("off 3.00", "1 x 10.00 @13; 0 x 99.00 @13; 1 x 5.00 @0 off 5.00",
        "sub 15.00 disc 8.00 | 7.00+0.91 0.00+0.00 0.00+0.00 | 0%:0.00 13%:0.91 | 7.00+0.91=7.91")]
    // Per-line and global tax rounding give different cents.
    [InlineData("", "1 x 0.10 @13; 1 x 0.10 @13; 1 x 0.10 @13",
        "sub 0.30 disc 0.00 | 0.10+0.01 0.10+0.01 0.10+0.01 | 13%:0.03 | 0.30+0.03=0.33")]
    [InlineData("global", "1 x 0.10 @13; 1 x 0.10 @13; 1 x 0.10 @13",
        "sub 0.30 disc 0.00 | 0.10+0.02 0.10+0.01 0.10+0.01 | 13%:0.04 | 0.30+0.04=0.34")]
    [InlineData("", "1 x 0.05 @13; 1 x 0.05 @13; 1 x 0.05 @13",
        "sub 0.15 disc 0.00 | 0.05+0.01 0.05+0.01 0.05+0.01 | 13%:0.03 | 0.15+0.03=0.18")]
    [InlineData("global", "1 x 0.05 @13; 1 x 0.05 @13; 1 x 0.05 @13",
        "sub 0.15 disc 0.00 | 0.05+0.01 0.05+0.01 0.05+0.00 | 13%:0.02 | 0.15+0.02=0.17")]
    [InlineData("", "1 x 0.10 @13; 1 x 0.10 @13; 1 x 0.05 @9; 1 x 0.05 @9",
        "sub 0.30 disc 0.00 | 0.10+0.01 0.10+0.01 0.05+0.00 0.05+0.00 | 9%:0.00 13%:0.02 | 0.30+0.02=0.32")]
    [InlineData("global", "1 x 0.10 @13; 1 x 0.10 @13; 1 x 0.05 @9; 1 x 0.05 @9",
        "sub 0.30 disc 0.00 | 0.10+0.02 0.10+0.01 0.05+0.01 0.05+0.00 | 9%:0.01 13%:0.03 | 0.30+0.04=0.34")]
    [InlineData("global off 0.01", "1 x 0.10 @13; 1 x 0.10 @13; 1 x 0.10 @13",
        "sub 0.30 disc 0.01 | 0.09+0.01 0.10+0.02 0.10+0.01 | 13%:0.04 | 0.29+0.04=0.33")]
    // Half a cent rounds away from zero (banker's rounding would give the other cent).
    [InlineData("", "1 x 0.50 @9", "sub 0.50 disc 0.00 | 0.50+0.05 | 9%:0.05 | 0.50+0.05=0.55")]
    [InlineData("", "1 x 2.50 @9", "sub 2.50 disc 0.00 | 2.50+0.23 | 9%:0.23 | 2.50+0.23=2.73")]
    [InlineData("", "1 x 0.49 @9", "sub 0.49 disc 0.00 | 0.49+0.04 | 9%:0.04 | 0.49+0.04=0.53")]
    [InlineData("", "2.5 x 0.01 @0", "sub 0.03 disc 0.00 | 0.03+0.00 | 0%:0.00 | 0.03+0.00=0.03")]
    [InlineData("", "0.5 x 0.01 @13", "sub 0.01 disc 0.00 | 0.01+0.00 | 13%:0.00 | 0.01+0.00=0.01")]
    [InlineData("", "1 x 0.25 @0 off 10%", "sub 0.25 disc 0.02 | 0.23+0.00 | 0%:0.00 | 0.23+0.00=0.23")]
    // Large and fractional quantities.
    [InlineData("", "1000000 x 9999.99 @13",
        "sub 9999990000.00 disc 0.00 | 9999990000.00+1299998700.00 | 13%:1299998700.00 | 9999990000.00+1299998700.00=11299988700.00")]
    [InlineData("", "123456 x 0.07 @13", "sub 8641.92 disc 0.00 | 8641.92+1123.45 | 13%:1123.45 | 8641.92+1123.45=9765.37")]
    [InlineData("", "2.5 x 12.99 @9", "sub 32.48 disc 0.00 | 32.48+2.92 | 9%:2.92 | 32.48+2.92=35.40")]
    [InlineData("", "0.125 x 80.00 @13 off 5%", "sub 10.00 disc 0.50 | 9.50+1.24 | 13%:1.24 | 9.50+1.24=10.74")]
    // Tax-included prices: the total is what was entered, the tax is taken out of it.
    [InlineData("incl", "1 x 113.00 @13", "sub 113.00 disc 0.00 | 100.00+13.00 | 13%:13.00 | 100.00+13.00=113.00")]
    [InlineData("incl", "1 x 100.00 @13", "sub 100.00 disc 0.00 | 88.50+11.50 | 13%:11.50 | 88.50+11.50=100.00")]
    [InlineData("incl", "1 x 0.12 @60", "sub 0.12 disc 0.00 | 0.07+0.05 | 60%:0.05 | 0.07+0.05=0.12")]
    [InlineData("incl", "1 x 1.00 @13; 1 x 1.00 @13; 1 x 1.00 @13",
        "sub 3.00 disc 0.00 | 0.88+0.12 0.88+0.12 0.88+0.12 | 13%:0.36 | 2.64+0.36=3.00")]
    [InlineData("incl global", "1 x 1.00 @13; 1 x 1.00 @13; 1 x 1.00 @13",
        "sub 3.00 disc 0.00 | 0.88+0.12 0.88+0.12 0.89+0.11 | 13%:0.35 | 2.65+0.35=3.00")]
    [InlineData("incl off 1.70", "2 x 56.50 @13 off 10%",
        "sub 113.00 disc 13.00 | 88.50+11.50 | 13%:11.50 | 88.50+11.50=100.00")]
    [InlineData("incl", "1 x 109.00 @9; 1 x 106.00 @6; 1 x 50.00 @0",
        "sub 265.00 disc 0.00 | 100.00+9.00 100.00+6.00 50.00+0.00 | 0%:0.00 6%:6.00 9%:9.00 | 250.00+15.00=265.00")]
    [InlineData("incl global off 2.20", "1 x 11.30 @13; 1 x 10.90 @9",
        "sub 22.20 disc 2.20 | 9.01+1.17 9.01+0.81 | 9%:0.81 13%:1.17 | 18.02+1.98=20.00")]
    public void ComputesTheTotalsToTheCent(string options, string lines, string expected)
    {
        Assert.Equal(expected, Describe(QuotePricing.Calculate(Quote(options, lines))));
    }

    [Fact]
    public void LineShowsItsOwnDiscountAndItsShareOfTheQuoteDiscount()
    {
        var totals = QuotePricing.Calculate(Quote("off 10%", "4 x 25.00 @13 off 10% off 5.00; 1 x 15.00 @9"));

        Assert.Equal(new LineTotals(100.00m, 15.00m, 85.00m, 8.50m, 76.50m, 13m, 9.95m, 86.45m), totals.Lines[0]);
        Assert.Equal(new LineTotals(15.00m, 0.00m, 15.00m, 1.50m, 13.50m, 9m, 1.22m, 14.72m), totals.Lines[1]);
        Assert.Equal((115.00m, 15.00m, 10.00m, 25.00m), (totals.Subtotal, totals.LineDiscounts, totals.QuoteDiscount, totals.Discount));
        Assert.Equal(new[] { new TaxTotal(9m, 13.50m, 1.22m), new TaxTotal(13m, 76.50m, 9.95m) }, totals.Taxes);
        Assert.Equal((90.00m, 11.17m, 101.17m), (totals.Untaxed, totals.Tax, totals.Total));
    }

    [Fact]
    public void AmountsAlwaysHaveTwoDecimals()
    {
        var totals = QuotePricing.Calculate(Quote("", "2 x 5 @10"));

        Assert.Equal(new[] { "10.00", "1.00", "11.00" }, new[] { totals.Untaxed, totals.Tax, totals.Total }.Select(a => a.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("", "-1 x 10.00 @13", "Quotes.NegativeQuantity", "lines[0].quantity")]
    [InlineData("", "1 x 10.00 @13; 1 x -0.01 @13", "Quotes.NegativePrice", "lines[1].unitPrice")]
    [InlineData("", "1 x 10.00 @13 off 100.01%", "Quotes.DiscountOver100", "lines[0].discountPercent")]
    [InlineData("", "1 x 10.00 @13 off -5%", "Quotes.NegativeDiscount", "lines[0].discountPercent")]
    [InlineData("", "1 x 10.00 @13 off -1.00", "Quotes.NegativeDiscount", "lines[0].discountAmount")]
    [InlineData("", "2 x 10.00 @13 off 10% off 18.01", "Quotes.DiscountAboveAmount", "lines[0].discountAmount")]
    [InlineData("", "1 x 10.00 @101", "Quotes.InvalidTaxRate", "lines[0].taxRate")]
    [InlineData("", "1 x 10.00 @-1", "Quotes.InvalidTaxRate", "lines[0].taxRate")]
    [InlineData("", "1 x 10.001 @13", "Quotes.TooManyDecimals", "lines[0].unitPrice")]
    [InlineData("", "1.0001 x 10.00 @13", "Quotes.TooManyDecimals", "lines[0].quantity")]
    [InlineData("", "1 x 10.00 @13.555", "Quotes.TooManyDecimals", "lines[0].taxRate")]
    [InlineData("", "1 x 10.00 @13 off 10.555%", "Quotes.TooManyDecimals", "lines[0].discountPercent")]
    [InlineData("", "1 x 10.00 @13 off 0.001", "Quotes.TooManyDecimals", "lines[0].discountAmount")]
    [InlineData("", "1000000001 x 1.00 @13", "Quotes.TooLarge", "lines[0].quantity")]
    [InlineData("", "1 x 1000000000000.01 @13", "Quotes.TooLarge", "lines[0].unitPrice")]
    [InlineData("", "1000000 x 1000000.01 @13", "Quotes.TooLarge", "lines[0].quantity")]
    [InlineData("off 101%", "1 x 10.00 @13", "Quotes.DiscountOver100", "discountPercent")]
    [InlineData("off -1%", "1 x 10.00 @13", "Quotes.NegativeDiscount", "discountPercent")]
    [InlineData("off -0.01", "1 x 10.00 @13", "Quotes.NegativeDiscount", "discountAmount")]
    [InlineData("off 0.005", "1 x 10.00 @13", "Quotes.TooManyDecimals", "discountAmount")]
    [InlineData("off 10% off 9.01", "1 x 10.00 @13", "Quotes.DiscountAboveAmount", "discountAmount")]
    [InlineData("off 0.01", "", "Quotes.DiscountAboveAmount", "discountAmount")]
    public void RefusesBadInputNamingTheField(string options, string lines, string code, string field)
    {
        var error = Assert.Throws<DomainException>(() => QuotePricing.Calculate(Quote(options, lines)));

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("", "2 x 10.00 @13 off 10% off 18.01", "18.00")]
    [InlineData("off 10% off 9.01", "1 x 10.00 @13", "9.00")]
    public void DiscountAboveTheAmountNamesTheAmount(string options, string lines, string amount)
    {
        var error = Assert.Throws<DomainException>(() => QuotePricing.Calculate(Quote(options, lines)));

        Assert.Equal([decimal.Parse(amount, CultureInfo.InvariantCulture)], error.Arguments);
    }

    [Theory]
    [InlineData(false, TaxRounding.PerLine)]
    [InlineData(false, TaxRounding.Global)]
    [InlineData(true, TaxRounding.PerLine)]
    [InlineData(true, TaxRounding.Global)]
    public void RandomQuotesAddUpExactly(bool pricesIncludeTax, TaxRounding rounding)
    {
        var random = new Random(42);
        for (var quote = 0; quote < 1000; quote++)
        {
            var input = RandomQuote(random) with { PricesIncludeTax = pricesIncludeTax, TaxRounding = rounding };
            input = input with { DiscountAmount = RandomQuoteAmountOff(random, input) };

            AssertAddsUp(input, QuotePricing.Calculate(input));
        }
    }

    private static void AssertAddsUp(PricingInput input, QuoteTotals totals)
    {
        var lines = totals.Lines;
        Assert.Equal(input.Lines.Count, lines.Count);
        Assert.Equal(totals.Untaxed, lines.Sum(l => l.Untaxed));
        Assert.Equal(totals.Tax, lines.Sum(l => l.Tax));
        Assert.Equal(totals.Total, lines.Sum(l => l.Total));
        Assert.Equal(totals.Total, totals.Untaxed + totals.Tax);
        Assert.Equal(totals.Tax, totals.Taxes.Sum(t => t.Tax));
        Assert.Equal(totals.Untaxed, totals.Taxes.Sum(t => t.Untaxed));
        Assert.Equal(totals.Subtotal, lines.Sum(l => l.Gross));
        Assert.Equal(totals.LineDiscounts, lines.Sum(l => l.LineDiscount));
        Assert.Equal(totals.QuoteDiscount, lines.Sum(l => l.QuoteDiscount));
        Assert.Equal(input.PricesIncludeTax ? totals.Total : totals.Untaxed, totals.Subtotal - totals.Discount);
        Assert.Equal(totals.Taxes.Select(t => t.Rate).Distinct().Order(), totals.Taxes.Select(t => t.Rate));

        var linesAmount = lines.Sum(l => l.Amount);
        foreach (var rate in totals.Taxes)
        {
            var ofRate = lines.Where(l => l.TaxRate == rate.Rate).ToArray();
            Assert.Equal((rate.Untaxed, rate.Tax), (ofRate.Sum(l => l.Untaxed), ofRate.Sum(l => l.Tax)));
            var taxBase = input.PricesIncludeTax ? rate.Untaxed + rate.Tax : rate.Untaxed;
            var exactTax = input.PricesIncludeTax ? taxBase * rate.Rate / (100 + rate.Rate) : taxBase * rate.Rate / 100;
            // Rounded once per rate, or once per line: at most half a cent per line away from the exact tax.
            var tolerance = input.TaxRounding == TaxRounding.Global ? 0.005m : 0.005m * ofRate.Length;
            Assert.InRange(rate.Tax - exactTax, -tolerance, tolerance);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Assert.All(new[] { line.Gross, line.LineDiscount, line.Amount, line.QuoteDiscount, line.Untaxed, line.Tax, line.Total }, a =>
            {
                Assert.True(a >= 0, $"line {i}: {a}");
                Assert.Equal(Money.Round(a), a);
            });
            Assert.Equal(line.Amount, line.Gross - line.LineDiscount);
            Assert.Equal(line.Total, line.Untaxed + line.Tax);
            Assert.Equal(input.PricesIncludeTax ? line.Total : line.Untaxed, line.Amount - line.QuoteDiscount);
            if (linesAmount > 0)
            {
                // The quote discount is spread in proportion, each line within a cent of its exact share.
                Assert.InRange(line.QuoteDiscount - (totals.QuoteDiscount * line.Amount / linesAmount), -0.01m, 0.01m);
            }
        }
    }

    private static PricingInput RandomQuote(Random random)
    {
        decimal[] rates = [0m, 6m, 9m, 13m, 5.5m];
        var lines = new PricingLine[random.Next(0, 21)];
        for (var i = 0; i < lines.Length; i++)
        {
            var quantity = random.Next(3) == 0 ? random.Next(0, 1_000_000) / 1000m : random.Next(0, 500);
            var unitPrice = random.Next(4) == 0 ? random.Next(0, 100) / 100m : random.Next(0, 10_000_000) / 100m;
            var percent = random.Next(3) == 0 ? random.Next(0, 10_001) / 100m : 0m;
            // At most half the line's exact amount after the percent: never more than the rounded amount.
            var amountOff = random.Next(3) == 0 ? decimal.Floor(unitPrice * (1 - (percent / 100)) * quantity * 50 * (decimal)random.NextDouble()) / 100 : 0m;
            lines[i] = new PricingLine(quantity, unitPrice, rates[random.Next(rates.Length)]) { DiscountPercent = percent, DiscountAmount = amountOff };
        }

        return new PricingInput(lines) { DiscountPercent = random.Next(3) == 0 ? random.Next(0, 10_001) / 100m : 0m };
    }

    /// <summary>An amount off between nothing and all that is left after the quote's percent.</summary>
    private static decimal RandomQuoteAmountOff(Random random, PricingInput input)
    {
        if (random.Next(3) != 0)
        {
            return 0m;
        }

        var afterPercent = QuotePricing.Calculate(input);
        var left = afterPercent.Subtotal - afterPercent.Discount;
        return decimal.Floor(left * 100 * (decimal)random.NextDouble()) / 100;
    }

    private static PricingInput Quote(string options, string lines)
    {
        var tokens = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (percent, amount) = Discounts(tokens);
        var parsed = lines.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Line).ToArray();
        return new PricingInput(parsed)
        {
            PricesIncludeTax = tokens.Contains("incl"),
            TaxRounding = tokens.Contains("global") ? TaxRounding.Global : TaxRounding.PerLine,
            DiscountPercent = percent,
            DiscountAmount = amount,
        };
    }

    // "2.5 x 12.99 @9 off 10% off 1.00"
    private static PricingLine Line(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("x", tokens[1]);
        var (percent, amount) = Discounts(tokens[4..]);
        return new PricingLine(Number(tokens[0]), Number(tokens[2]), Number(tokens[3].TrimStart('@')))
        {
            DiscountPercent = percent,
            DiscountAmount = amount,
        };
    }

    private static (decimal Percent, decimal Amount) Discounts(string[] tokens)
    {
        var (percent, amount) = (0m, 0m);
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (tokens[i] == "off")
            {
                var value = tokens[i + 1];
                if (value.EndsWith('%'))
                {
                    percent = Number(value.TrimEnd('%'));
                }
                else
                {
                    amount = Number(value);
                }
            }
        }

        return (percent, amount);
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Describe(QuoteTotals totals)
    {
        var lines = string.Join(" ", totals.Lines.Select(l => FormattableString.Invariant($"{l.Untaxed}+{l.Tax}")));
        var rates = string.Join(" ", totals.Taxes.Select(t => FormattableString.Invariant($"{t.Rate}%:{t.Tax}")));
        return FormattableString.Invariant($"sub {totals.Subtotal} disc {totals.Discount} | {lines} | {rates} | {totals.Untaxed}+{totals.Tax}={totals.Total}");
    }
}
