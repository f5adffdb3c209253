using SalesHub.Core.Quoting;

namespace SalesHub.Web.Bench;

/// <summary>
/// Issue #4's budget for the quote builder, whose totals recompute as the user types: the pricing
/// engine on a 200-line quote with every kind of discount and four tax rates, in-process.
/// </summary>
internal static class BenchQuoteScenarios
{
    private const int LineCount = 200;

    public static IReadOnlyList<BenchScenario> List()
    {
        var quote = Quote();
        return
        [
            new("quote: recompute 200 lines", () =>
            {
                var totals = QuotePricing.Calculate(quote);
                if (totals.Lines.Count != LineCount || totals.Taxes.Count != 4 || totals.Total <= 0)
                {
                    throw new UnexpectedResponseException($"quote: {totals.Lines.Count} lines, {totals.Taxes.Count} tax rates, total {totals.Total}.");
                }

                return Task.CompletedTask;
            }),
        ];
    }

    /// <summary>The same quote every run: varied quantities (some fractional), prices, discounts and rates, taxed per rate after a quote discount.</summary>
    private static PricingInput Quote()
    {
        decimal[] rates = [13m, 9m, 6m, 0m];
        var random = new Random(42);
        var lines = new PricingLine[LineCount];
        for (var i = 0; i < lines.Length; i++)
        {
            var quantity = i % 5 == 0 ? random.Next(1, 10_000) / 1000m : random.Next(1, 500);
            var unitPrice = random.Next(1, 1_000_000) / 100m;
            lines[i] = new PricingLine(quantity, unitPrice, rates[i % rates.Length])
            {
                DiscountPercent = i % 3 == 0 ? random.Next(0, 3_000) / 100m : 0m,
                DiscountAmount = i % 7 == 0 ? decimal.Floor(unitPrice * quantity * 10) / 100 : 0m,
            };
        }

        return new PricingInput(lines) { TaxRounding = TaxRounding.Global, DiscountPercent = 2.5m, DiscountAmount = 99.99m };
    }
}
