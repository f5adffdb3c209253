using SalesHub.Core.Catalog;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Quoting;

/// <summary>Turns what a rep enters into the lines of a quote or an order, each with its product's snapshot.</summary>
internal static class PricedLines
{
    /// <summary>
    /// A line per input, in order: a product already on the document keeps its snapshot; a new one must
    /// exist and be active, and starts from the customer's price on <paramref name="today"/>.
    /// </summary>
    public static async Task<List<TLine>> BuildAsync<TLine>(
        SalesHubDbContext db, int customerId, IReadOnlyList<TLine> current, IReadOnlyList<QuoteLineInput> inputs, DateOnly today, CancellationToken cancellationToken)
        where TLine : PricedLine, new()
    {
        var newProductIds = inputs.Select(l => l.ProductId).Where(id => current.All(l => l.ProductId != id)).Distinct().ToList();
        var products = await ProductCatalog.QuotableAsync(db, newProductIds, cancellationToken);
        var prices = await PriceLists.PricesForAsync(db, customerId, products.Keys, today, cancellationToken);
        return inputs.Select((input, i) => Line(current, input, i, products, prices)).ToList();
    }

    private static TLine Line<TLine>(
        IReadOnlyList<TLine> current, QuoteLineInput input, int index, Dictionary<int, QuotableProduct> products, Dictionary<int, StartingPrice> prices)
        where TLine : PricedLine, new()
    {
        string sku, unit;
        string? nameEn, nameZh;
        decimal taxRate, standardPrice;
        if (current.FirstOrDefault(l => l.ProductId == input.ProductId) is { } known)
        {
            (sku, nameEn, nameZh, unit, taxRate, standardPrice) = (known.Sku, known.NameEn, known.NameZh, known.Unit, known.TaxRate, known.StandardPrice);
        }
        else
        {
            var field = $"lines[{index}].productId";
            var product = products.TryGetValue(input.ProductId, out var found)
                ? found.RequireActive(field)
                : throw new DomainException("Quotes.UnknownProduct") { Field = field };
            (sku, nameEn, nameZh, unit, taxRate, standardPrice) = (product.Sku, product.NameEn, product.NameZh, product.Unit, product.TaxRate, prices[input.ProductId].UnitPrice);
        }

        return new TLine
        {
            Position = index + 1, ProductId = input.ProductId, Sku = sku, NameEn = nameEn, NameZh = nameZh, Unit = unit,
            Quantity = input.Quantity, UnitPrice = input.UnitPrice ?? standardPrice, StandardPrice = standardPrice,
            DiscountPercent = input.DiscountPercent, DiscountAmount = input.DiscountAmount, TaxRate = taxRate,
        };
    }
}
