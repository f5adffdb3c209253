using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Data;

/// <summary>
/// Money is stored as a whole number of minor units (cents: 12.34 → 1234) on every provider, so
/// SQL sums, compares and sorts it exactly; SQLite would otherwise keep decimals as text.
/// Percentages (tax rates, discounts) are stored the same way, as basis points (13.00 % → 1300).
/// Entities pass amounts through <see cref="Require"/> first: an amount with more than two
/// decimals is refused with the field's name, never rounded silently on its way to the database.
/// </summary>
public static class MoneyConversion
{
    public const int Decimals = Quoting.Money.Decimals;

    /// <summary>The largest amount stored (a hundred billion less a cent), far below the minor units' limit.</summary>
    public const decimal MaxAmount = 99_999_999_999.99m;

    private const decimal MinorUnitsPerUnit = 100m;

    private static readonly ValueConverter<decimal, long> MinorUnits = new(
        ToMinorUnitsExpression(),
        units => units / MinorUnitsPerUnit);

    /// <summary>Stores the amount as minor units (INTEGER on SQLite, bigint on PostgreSQL).</summary>
    public static PropertyBuilder<decimal> HasMoneyConversion(this PropertyBuilder<decimal> property) =>
        property.HasConversion(MinorUnits);

    /// <summary>Stores the optional amount as minor units; null stays null.</summary>
    public static PropertyBuilder<decimal?> HasMoneyConversion(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(MinorUnits);

    /// <summary>Stores a percentage as basis points (13.00 → 1300).</summary>
    public static PropertyBuilder<decimal> HasPercentConversion(this PropertyBuilder<decimal> property) =>
        property.HasConversion(MinorUnits);

    /// <summary>Stores an optional percentage as basis points; null stays null.</summary>
    public static PropertyBuilder<decimal?> HasPercentConversion(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(MinorUnits);

    /// <summary>
    /// The amount unchanged when it can be stored exactly: at most two decimals and within
    /// ±<see cref="MaxAmount"/>. Otherwise "Errors.TooManyDecimals" or "Errors.AmountTooLarge" on <paramref name="field"/>.
    /// </summary>
    public static decimal Require(decimal amount, string field)
    {
        if (decimal.Round(amount, Decimals) != amount)
        {
            throw new DomainException("Errors.TooManyDecimals", Decimals) { Field = field };
        }

        if (Math.Abs(amount) > MaxAmount)
        {
            throw new DomainException("Errors.AmountTooLarge", MaxAmount) { Field = field };
        }

        return amount;
    }

    /// <summary>
    /// The percentage unchanged when it is from 0 to 100 with at most two decimals (what a basis-point
    /// column keeps); otherwise <paramref name="outOfRangeCode"/> or "Errors.TooManyDecimals" on <paramref name="field"/>.
    /// </summary>
    public static decimal RequirePercent(decimal percent, string field, string outOfRangeCode) =>
        percent is >= 0m and <= 100m ? Require(percent, field) : throw new DomainException(outOfRangeCode) { Field = field };

    public static long ToMinorUnits(decimal amount) =>
        decimal.Round(amount, Decimals) == amount && Math.Abs(amount) <= MaxAmount
            ? decimal.ToInt64(amount * MinorUnitsPerUnit)
            : throw new InvalidOperationException($"{amount} reached the database unchecked: pass it through MoneyConversion.Require first.");

    public static decimal FromMinorUnits(long units) => units / MinorUnitsPerUnit;

    private static Expression<Func<decimal, long>> ToMinorUnitsExpression() => amount => ToMinorUnits(amount);
}
