using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;

namespace SalesHub.Core.Catalog;

/// <summary>
/// One product's price on a price list: either a percentage off the product's list price or a
/// fixed price. An item holds exactly one of the two — both at once is refused — so a price never
/// depends on which of two rules wins.
/// </summary>
public sealed record PriceRule(int ProductId, decimal? DiscountPercent, decimal? FixedPrice);

/// <summary>A price list's name, validity (inclusive dates, open-ended when empty) and active flag.</summary>
public sealed record PriceListDetails(string Name, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive = true);

/// <summary>
/// Prices agreed with some customers (价目表). A customer assigned to it starts its quote lines
/// from these prices on the days the list is valid and while it is active.
/// </summary>
public sealed class PriceList : IVersioned, IAudited
{
    public const int NameMaxLength = 100;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool IsActive { get; private set; } = true;

    public long Version { get; set; }

    public List<PriceListItem> Items { get; } = [];

    public void Describe(PriceListDetails details)
    {
        Name = TextRules.Required(details.Name, NameMaxLength, "name", "PriceLists.NameRequired");
        if (details.ValidFrom is { } from && details.ValidTo is { } to && to < from)
        {
            throw new DomainException("PriceLists.ValidToBeforeValidFrom") { Field = "validTo" };
        }

        ValidFrom = details.ValidFrom;
        ValidTo = details.ValidTo;
        IsActive = details.IsActive;
    }

    /// <summary>Whether the list prices quotes on <paramref name="date"/>: active, and the date within its validity, both ends included.</summary>
    public bool AppliesOn(DateOnly date) =>
        IsActive && (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>Replaces the items with <paramref name="rules"/>, keeping (and so not re-auditing) the unchanged ones.</summary>
    public void SetItems(IReadOnlyList<PriceRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules.Take(i).Any(r => r.ProductId == rules[i].ProductId))
            {
                throw new DomainException("PriceLists.DuplicateProduct") { Field = $"items[{i}].productId" };
            }
        }

        Items.RemoveAll(item => !rules.Any(r => r.ProductId == item.ProductId));
        for (var i = 0; i < rules.Count; i++)
        {
            var item = Items.Find(it => it.ProductId == rules[i].ProductId);
            if (item is null)
            {
                item = new PriceListItem(rules[i].ProductId);
                Items.Add(item);
            }

            item.Price(rules[i], $"items[{i}]");
        }
    }
}

/// <summary>A product's price on a <see cref="PriceList"/>.</summary>
public sealed class PriceListItem : IRecord, IAudited
{
    public PriceListItem(int productId) => ProductId = productId;

    public int Id { get; private set; }

    public int PriceListId { get; private set; }

    public int ProductId { get; private set; }

    /// <summary>Per cent off the list price (10 means 10 % off), or null for a fixed price.</summary>
    public decimal? DiscountPercent { get; private set; }

    public decimal? FixedPrice { get; private set; }

    public void Price(PriceRule rule, string fieldPrefix)
    {
        switch (rule)
        {
            case { DiscountPercent: { } percent, FixedPrice: null }:
                DiscountPercent = MoneyConversion.RequirePercent(percent, $"{fieldPrefix}.discountPercent", "PriceLists.InvalidDiscountPercent");
                FixedPrice = null;
                break;
            case { DiscountPercent: null, FixedPrice: { } price }:
                FixedPrice = price >= 0m
                    ? MoneyConversion.Require(price, $"{fieldPrefix}.fixedPrice")
                    : throw new DomainException("Errors.NegativeAmount") { Field = $"{fieldPrefix}.fixedPrice" };
                DiscountPercent = null;
                break;
            default:
                throw new DomainException("PriceLists.OneRulePerItem") { Field = $"{fieldPrefix}.fixedPrice" };
        }
    }

    /// <summary>The unit price this item gives a product listed at <paramref name="listPrice"/>, rounded to the cent.</summary>
    public decimal PriceFrom(decimal listPrice) =>
        FixedPrice ?? Money.Round(listPrice * (1m - (DiscountPercent ?? 0m) / 100m));
}
