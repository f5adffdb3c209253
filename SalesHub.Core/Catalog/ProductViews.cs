using System.Text.Json.Serialization;

namespace SalesHub.Core.Catalog;

/// <summary>What the product list filters and sorts by. Sort is a field name, "-" in front for descending.</summary>
public sealed record ProductQuery
{
    /// <summary>Part of the SKU, either name or the category.</summary>
    public string? Search { get; init; }

    public string? Category { get; init; }

    /// <summary>Only active (true) or only inactive (false) products; all when null.</summary>
    public bool? Active { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>
/// A product as lists, the API and exports show it. <see cref="Cost"/> is null for whoever may not
/// see costs, and then left out of JSON altogether.
/// </summary>
public sealed record ProductRow(
    int Id,
    string Sku,
    string? NameEn,
    string? NameZh,
    string? Category,
    string Unit,
    decimal ListPrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Cost,
    decimal TaxRate,
    bool IsActive,
    DateTimeOffset UpdatedAt,
    long Version,
    bool TracksStock = true)
{
    /// <summary>The name in the wanted language, the other one when it has none.</summary>
    public string Name(bool chinese) => ProductNames.Localized(Sku, NameEn, NameZh, chinese);
}

/// <summary>How a product is named on screens and documents: in the reader's language, else the other one, else by SKU.</summary>
public static class ProductNames
{
    public static string Localized(string sku, string? nameEn, string? nameZh, bool chinese) => (chinese ? nameZh ?? nameEn : nameEn ?? nameZh) ?? sku;
}

/// <summary>What a quote line takes from a product; only an active one may be added to a quote.</summary>
public sealed record QuotableProduct(int Id, string Sku, string? NameEn, string? NameZh, string Unit, decimal ListPrice, decimal TaxRate, bool IsActive)
{
    /// <summary>This product, or "Products.Inactive" on <paramref name="field"/> when it may no longer be quoted.</summary>
    public QuotableProduct RequireActive(string field) =>
        IsActive ? this : throw new Errors.DomainException("Products.Inactive", Sku) { Field = field };
}
