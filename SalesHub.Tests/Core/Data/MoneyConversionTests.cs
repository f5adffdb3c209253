using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Catalog;

namespace SalesHub.Tests.Core.Data;

public sealed class MoneyConversionTests : IDisposable
{
    private readonly CatalogCompany _company = new();

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12.34", 1234L)]
    [InlineData("-0.01", -1L)]
    [InlineData("13", 1300L)]
    [InlineData("99999999999.99", 9_999_999_999_999L)]
    public void AmountsBecomeWholeMinorUnitsAndBack(string amount, long minorUnits)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(minorUnits, MoneyConversion.ToMinorUnits(value));
        Assert.Equal(value, MoneyConversion.FromMinorUnits(minorUnits));
    }

    [Fact]
    public void AnAmountWithMoreThanTwoDecimalsIsRefusedWithItsField()
    {
        var error = Assert.Throws<DomainException>(() => MoneyConversion.Require(1.005m, "listPrice"));

        Assert.Equal(("Errors.TooManyDecimals", "listPrice"), (error.Code, error.Field));
        Assert.Equal(1.5m, MoneyConversion.Require(1.500m, "listPrice"));
        Assert.Equal("Errors.AmountTooLarge", Assert.Throws<DomainException>(() => MoneyConversion.Require(100_000_000_000m, "cost")).Code);
        Assert.Throws<InvalidOperationException>(() => MoneyConversion.ToMinorUnits(0.001m));
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    public void RoundingIsHalfAwayFromZeroToTheCent(string amount, string rounded) =>
        Assert.Equal(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture),
            SalesHub.Core.Quoting.Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task SqlSumsAndSortsStoredAmountsExactly()
    {
        await _company.AddProductAsync("a", listPrice: 0.10m, cost: 0.01m);
        await _company.AddProductAsync("b", listPrice: 9.99m, cost: 0.02m);
        await _company.AddProductAsync("c", listPrice: 10.00m, cost: 0.03m);
        await _company.AddProductAsync("d", listPrice: 100m, cost: 0.04m);

        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        Assert.Equal(120.09m, await db.Products.SumAsync(p => p.ListPrice));
        Assert.Equal(["A", "B", "C", "D"], await db.Products.OrderBy(p => p.ListPrice).Select(p => p.Sku).ToListAsync());
        Assert.Equal(["D", "C"], await db.Products.Where(p => p.ListPrice >= 10m).OrderByDescending(p => p.ListPrice).Select(p => p.Sku).ToListAsync());
        var raw = await db.Database.SqlQueryRaw<long>("SELECT SUM(\"ListPrice\") AS \"Value\" FROM \"Products\"").SingleAsync();
        Assert.Equal(12009L, raw);
        var type = await db.Database.SqlQueryRaw<string>("SELECT typeof(\"TaxRate\") AS \"Value\" FROM \"Products\" LIMIT 1").SingleAsync();
        Assert.Equal("integer", type);
        Assert.Equal(1300L, await db.Database.SqlQueryRaw<long>("SELECT \"TaxRate\" AS \"Value\" FROM \"Products\" LIMIT 1").SingleAsync());
    }

    public void Dispose() => _company.Dispose();
}
