using SalesHub.Core.Errors;

namespace SalesHub.Core.Inventory;

/// <summary>
/// Stock quantities are exact decimals with at most three places (2.5 kg, as on quote lines), stored as
/// whole thousandths so that SQL adds, compares and sums them exactly.
/// </summary>
public static class StockQuantity
{
    public const int Decimals = 3;

    /// <summary>The largest quantity one movement or reorder point may name.</summary>
    public const decimal Max = 1_000_000_000m;

    /// <summary>The quantity unchanged when it is above 0, within <see cref="Max"/>, with at most <see cref="Decimals"/> places.</summary>
    public static decimal RequirePositive(decimal quantity, string field) =>
        quantity > 0m ? RequireExact(quantity, field) : throw new DomainException("Inventory.QuantityNotPositive") { Field = field };

    /// <summary>A reorder point: none, or from 0 up with at most <see cref="Decimals"/> places.</summary>
    public static decimal? RequireReorderPoint(decimal? reorderPoint, string field) => reorderPoint switch
    {
        null => null,
        < 0m => throw new DomainException("Inventory.NegativeReorderPoint") { Field = field },
        { } point => RequireExact(point, field),
    };

    /// <summary>A non-zero signed change (an adjustment) within ±<see cref="Max"/>, with at most <see cref="Decimals"/> places.</summary>
    public static decimal RequireChange(decimal change, string field) =>
        change != 0m ? RequireExact(change, field) : throw new DomainException("Inventory.ZeroChange") { Field = field };

    public static long ToThousandths(decimal quantity) => decimal.ToInt64(quantity * 1000m);

    public static decimal FromThousandths(long thousandths) => thousandths / 1000m;

    private static decimal RequireExact(decimal quantity, string field)
    {
        if (decimal.Round(quantity, Decimals) != quantity)
        {
            throw new DomainException("Errors.TooManyDecimals", Decimals) { Field = field };
        }

        return Math.Abs(quantity) <= Max ? quantity : throw new DomainException("Inventory.QuantityTooLarge", Max) { Field = field };
    }
}
