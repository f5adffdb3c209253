using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;

namespace SalesHub.Tests.Core.Catalog;

/// <summary>The price list's own rules, without a database.</summary>
public sealed class PriceListTests
{
    private static readonly DateOnly May1 = new(2026, 5, 1);
    private static readonly DateOnly May31 = new(2026, 5, 31);

    [Theory]
    [InlineData(2026, 4, 30, false)]
    [InlineData(2026, 5, 1, true)]
    [InlineData(2026, 5, 15, true)]
    [InlineData(2026, 5, 31, true)]
    [InlineData(2026, 6, 1, false)]
    public void AListAppliesFromItsFirstToItsLastDayBothIncluded(int year, int month, int day, bool applies) =>
        Assert.Equal(applies, List(May1, May31).AppliesOn(new DateOnly(year, month, day)));

    [Fact]
    public void AListWithoutDatesAppliesEveryDayUntilItIsDeactivated()
    {
        Assert.True(List(null, null).AppliesOn(DateOnly.MinValue));
        Assert.True(List(May1, null).AppliesOn(DateOnly.MaxValue));
        Assert.False(List(null, null, active: false).AppliesOn(May1));
    }

    [Fact]
    public void AListCannotEndBeforeItStarts()
    {
        var error = Assert.Throws<DomainException>(() => List(May31, May1));

        Assert.Equal(("PriceLists.ValidToBeforeValidFrom", "validTo"), (error.Code, error.Field));
        Assert.True(List(May1, May1).AppliesOn(May1));
    }

    [Theory]
    [InlineData(null, 850.00, 1000.00, 850.00)]
    [InlineData(10.0, null, 1000.00, 900.00)]
    [InlineData(12.5, null, 99.99, 87.49)] // 87.49125
    [InlineData(15.0, null, 0.10, 0.09)] // 0.085 rounds away from zero
    [InlineData(100.0, null, 250.00, 0.00)]
    [InlineData(0.0, null, 250.00, 250.00)]
    [InlineData(null, 0.0, 250.00, 0.00)]
    public void AnItemPricesAProductByPercentOffOrAtAFixedPrice(double? percent, double? fixedPrice, double listPrice, double expected)
    {
        var item = new PriceListItem(1);
        item.Price(new PriceRule(1, (decimal?)percent, (decimal?)fixedPrice), "items[0]");

        Assert.Equal((decimal)expected, item.PriceFrom((decimal)listPrice));
    }

    [Theory]
    [InlineData(10.0, 5.0, "PriceLists.OneRulePerItem", "items[0].fixedPrice")]
    [InlineData(null, null, "PriceLists.OneRulePerItem", "items[0].fixedPrice")]
    [InlineData(100.01, null, "PriceLists.InvalidDiscountPercent", "items[0].discountPercent")]
    [InlineData(-1.0, null, "PriceLists.InvalidDiscountPercent", "items[0].discountPercent")]
    [InlineData(10.001, null, "Errors.TooManyDecimals", "items[0].discountPercent")]
    [InlineData(null, -0.01, "Errors.NegativeAmount", "items[0].fixedPrice")]
    public void AnItemIsEitherAPercentageOffOrAFixedPrice(double? percent, double? fixedPrice, string code, string field)
    {
        var error = Assert.Throws<DomainException>(() => List(null, null).SetItems([new PriceRule(1, (decimal?)percent, (decimal?)fixedPrice)]));

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void AProductAppearsOnceOnAList()
    {
        var error = Assert.Throws<DomainException>(() => List(null, null).SetItems([new PriceRule(1, 5m, null), new PriceRule(1, null, 9m)]));

        Assert.Equal(("PriceLists.DuplicateProduct", "items[1].productId"), (error.Code, error.Field));
    }

    private static PriceList List(DateOnly? from, DateOnly? to, bool active = true)
    {
        var list = new PriceList();
        list.Describe(new PriceListDetails("Key accounts", from, to, active));
        return list;
    }
}
