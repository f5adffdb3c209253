using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Catalog;

/// <summary>What a manager fills in about a product. Cost is what the company pays; reps never see it.</summary>
public sealed record ProductDetails(
    string Sku,
    string? NameEn,
    string? NameZh,
    string? Category,
    string Unit,
    decimal ListPrice,
    decimal Cost,
    decimal TaxRate = Product.DefaultTaxRate,
    bool IsActive = true,
    bool TracksStock = true);

/// <summary>Something the company sells (产品): one SKU, named in English and Chinese, with its list price and tax rate.</summary>
public sealed class Product : TrackedRecord
{
    public const int SkuMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int CategoryMaxLength = 50;
    public const int UnitMaxLength = 20;

    /// <summary>The standard VAT rate (增值税) in per cent.</summary>
    public const decimal DefaultTaxRate = 13m;

    public string Sku { get; private set; } = "";

    public string? NameEn { get; private set; }

    public string? NameZh { get; private set; }

    public string? Category { get; private set; }

    /// <summary>What one of a quantity is: 台, 件, 套, kg…</summary>
    public string Unit { get; private set; } = "";

    public decimal ListPrice { get; private set; }

    [ManagersOnly]
    public decimal Cost { get; private set; }

    /// <summary>Tax rate in per cent (13 means 13 %).</summary>
    public decimal TaxRate { get; private set; } = DefaultTaxRate;

    /// <summary>An inactive product stays on existing quotes but cannot be added to new ones.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>
    /// Available stock at or below which the product is low (补货点), summed over active warehouses;
    /// null for no alert. Set through <see cref="Inventory.StockLedger.SetReorderPointAsync"/>.
    /// </summary>
    public decimal? ReorderPoint { get; private set; }

    /// <summary>Whether the product is kept in stock; a service (installation, training…) is not, and its order lines reserve and ship nothing.</summary>
    public bool TracksStock { get; private set; } = true;

    /// <summary>SKU, both names and category in one lower-case text for the list's search box.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The SKU as stored and compared: trimmed, upper case.</summary>
    public static string NormalizeSku(string? sku) => (sku ?? "").Trim().ToUpperInvariant();

    public void Describe(ProductDetails details)
    {
        Sku = TextRules.Required(NormalizeSku(details.Sku), SkuMaxLength, "sku", "Products.SkuRequired");
        NameEn = TextRules.Optional(details.NameEn, NameMaxLength, "nameEn");
        NameZh = TextRules.Optional(details.NameZh, NameMaxLength, "nameZh");
        if (NameEn is null && NameZh is null)
        {
            throw new DomainException("Products.NameRequired") { Field = "nameEn" };
        }

        Category = TextRules.Optional(details.Category, CategoryMaxLength, "category");
        Unit = TextRules.Required(details.Unit, UnitMaxLength, "unit", "Products.UnitRequired");
        ListPrice = NotNegative(details.ListPrice, "listPrice");
        Cost = NotNegative(details.Cost, "cost");
        TaxRate = MoneyConversion.RequirePercent(details.TaxRate, "taxRate", "Products.InvalidTaxRate");
        IsActive = details.IsActive;
        TracksStock = details.TracksStock;
        SearchText = CustomerMatching.SearchKey(string.Join(' ', new[] { Sku, NameEn, NameZh, Category }.Where(p => p is not null)));
    }

    public void Deactivate() => IsActive = false;

    internal void SetReorderPoint(decimal? reorderPoint) => ReorderPoint = reorderPoint;

    private static decimal NotNegative(decimal amount, string field) =>
        amount < 0m ? throw new DomainException("Errors.NegativeAmount") { Field = field } : MoneyConversion.Require(amount, field);
}
