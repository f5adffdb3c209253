using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Components.Pages.Quotes.Components;

/// <summary>One line as the editor holds it: the product's snapshot and what the rep typed.</summary>
public sealed class QuoteFormLine : IPricingEntry
{
    public int ProductId { get; init; }

    public string Sku { get; init; } = "";

    public string? NameEn { get; init; }

    public string? NameZh { get; init; }

    public string Unit { get; init; } = "";

    public decimal TaxRate { get; init; }

    /// <summary>The customer's starting price: the unit price it began with, and what discounts are measured from.</summary>
    public decimal StandardPrice { get; init; }

    public decimal Quantity { get; set; } = 1m;

    public decimal UnitPrice { get; set; }

    public decimal DiscountPercent { get; set; }

    public decimal DiscountAmount { get; set; }

    public string Name(bool chinese) => ProductNames.Localized(Sku, NameEn, NameZh, chinese);

    public static QuoteFormLine From(QuoteLine line) => new()
    {
        ProductId = line.ProductId, Sku = line.Sku, NameEn = line.NameEn, NameZh = line.NameZh, Unit = line.Unit, TaxRate = line.TaxRate,
        StandardPrice = line.StandardPrice, Quantity = line.Quantity, UnitPrice = line.UnitPrice,
        DiscountPercent = line.DiscountPercent, DiscountAmount = line.DiscountAmount,
    };

    public static QuoteFormLine From(ProductRow product, decimal startingPrice) => new()
    {
        ProductId = product.Id, Sku = product.Sku, NameEn = product.NameEn, NameZh = product.NameZh, Unit = product.Unit, TaxRate = product.TaxRate,
        StandardPrice = startingPrice, UnitPrice = startingPrice,
    };
}

/// <summary>
/// What the quote editor holds between saves. Totals always come from <see cref="QuotePricing"/>;
/// input the engine refuses leaves <see cref="Totals"/> null and names the refused field in <see cref="Refusal"/>.
/// </summary>
public sealed class QuoteForm : IPricingTerms
{
    public int? CustomerId { get; set; }

    public string? CustomerName { get; set; }

    public int? ContactId { get; set; }

    public int? OpportunityId { get; set; }

    public string Language { get; set; } = "zh-CN";

    public DateTime? ValidUntil { get; set; }

    public List<QuoteFormLine> Lines { get; } = [];

    public decimal DiscountPercent { get; set; }

    public decimal DiscountAmount { get; set; }

    public string? Notes { get; set; }

    public string? Terms { get; set; }

    public bool PricesIncludeTax { get; set; }

    public TaxRounding TaxRounding { get; set; }

    public QuoteTotals? Totals { get; private set; }

    public DomainException? Refusal { get; private set; }

    /// <summary>The largest discount the quote gives, as sending measures it; 0 while the input is refused.</summary>
    public decimal EffectiveDiscountPercent { get; private set; }

    public static QuoteForm From(Quote quote)
    {
        var form = new QuoteForm
        {
            CustomerId = quote.CustomerId, CustomerName = quote.CustomerName, ContactId = quote.ContactId,
            OpportunityId = quote.OpportunityId, Language = quote.Language,
            ValidUntil = quote.ValidUntil.ToDateTime(TimeOnly.MinValue), DiscountPercent = quote.DiscountPercent, DiscountAmount = quote.DiscountAmount,
            Notes = quote.Notes, Terms = quote.Terms, PricesIncludeTax = quote.PricesIncludeTax, TaxRounding = quote.TaxRounding,
        };
        form.Lines.AddRange(quote.Lines.OrderBy(l => l.Position).Select(QuoteFormLine.From));
        form.Recalculate();
        return form;
    }

    /// <summary>Prices the form as it is now.</summary>
    public void Recalculate()
    {
        var input = PricingInput.From(this, Lines);
        try
        {
            Totals = QuotePricing.Calculate(input);
            Refusal = null;
            EffectiveDiscountPercent = QuoteBook.EffectiveDiscountPercent(
                Lines.ConvertAll(l => l.StandardPrice), Lines.ConvertAll(l => l.Quantity), Totals);
        }
        catch (DomainException refusal)
        {
            (Totals, Refusal, EffectiveDiscountPercent) = (null, refusal, 0m);
        }
    }

    /// <summary>The message for a field: what the pricing engine refuses as it is typed, else what the last save refused.</summary>
    public string? MessageFor(string field, ErrorMessages messages, FieldErrors saved) =>
        Refusal is { Field: var refused } refusal && string.Equals(refused, field, StringComparison.OrdinalIgnoreCase)
            ? messages.Describe(refusal)
            : saved[field];

    public QuoteDraft ToDraft() => new(
        CustomerId ?? 0,
        ContactId,
        Language,
        Lines.ConvertAll(l => new QuoteLineInput(l.ProductId, l.Quantity, l.UnitPrice, l.DiscountPercent, l.DiscountAmount)),
        DiscountPercent,
        DiscountAmount,
        Notes,
        ValidUntil is { } date ? DateOnly.FromDateTime(date) : null,
        Terms,
        OpportunityId);
}
