using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Quoting;

/// <summary>Fills a quote or an order from what a rep enters: whom it addresses, and its lines.</summary>
internal static class PricedDocuments
{
    /// <summary>
    /// Addresses <paramref name="document"/> to a customer the actor sees, and one of its contacts, in one
    /// of the document languages.
    /// </summary>
    public static async Task AddressAsync(
        SalesHubDbContext db, PricedDocument document, int customerId, int? contactId, string language, CancellationToken cancellationToken)
    {
        if (!PricedDocument.Languages.Contains(language))
        {
            throw new DomainException("Quotes.InvalidLanguage") { Field = "language" };
        }

        var customerName = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), customerId);
        if (contactId is { } id && !await db.Contacts.AnyAsync(c => c.Id == id && c.CustomerId == customerId, cancellationToken))
        {
            throw new DomainException("Quotes.UnknownContact") { Field = "contactId" };
        }

        document.AddressTo(customerId, customerName);
        (document.ContactId, document.Language) = (contactId, language);
    }

    /// <summary>The documents <paramref name="query"/>'s search, customer, owner and deal filters leave.</summary>
    public static IQueryable<TDocument> Filter<TDocument>(IQueryable<TDocument> documents, DocumentQuery query)
        where TDocument : PricedDocument
    {
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } term)
        {
            var number = term.ToUpperInvariant();
            documents = documents.Where(d => d.SearchText.Contains(term) || d.Number.Contains(number));
        }

        if (query.CustomerId is { } customerId)
        {
            documents = documents.Where(d => d.CustomerId == customerId);
        }

        if (query.OwnerId is { } ownerId)
        {
            documents = documents.Where(d => d.OwnerId == ownerId);
        }

        if (query.OpportunityId is { } opportunityId)
        {
            documents = documents.Where(d => d.OpportunityId == opportunityId);
        }

        return documents;
    }

    /// <summary>
    /// A line per input, in order: a product already on the document keeps its snapshot; a new one must
    /// exist and be active, and starts from the customer's price on <paramref name="today"/>.
    /// </summary>
    public static async Task<List<TLine>> LinesAsync<TLine>(
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
