using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesHub.Core.Inventory;

namespace SalesHub.Core.Data;

/// <summary>
/// Quantities (on quote and order lines, in stock) are stored as whole thousandths
/// (<see cref="StockQuantity"/>), so SQL adds, compares and sums them exactly.
/// </summary>
internal static class QuantityConversion
{
    private static readonly ValueConverter<decimal, long> Thousandths = new(
        q => StockQuantity.ToThousandths(q),
        t => StockQuantity.FromThousandths(t));

    public static PropertyBuilder<decimal> HasQuantityConversion(this PropertyBuilder<decimal> property) => property.HasConversion(Thousandths);

    public static PropertyBuilder<decimal?> HasQuantityConversion(this PropertyBuilder<decimal?> property) => property.HasConversion(Thousandths);
}
