using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Company;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;

namespace SalesHub.Core.Data.Configurations;

/// <summary>
/// What orders have besides what every priced document has (<see cref="PricingConfiguration"/>). One
/// order per quote is a unique index, so two simultaneous "make an order" clicks cannot both succeed.
/// </summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(Order.NumberMaxLength);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CancelReason).HasMaxLength(Order.ReasonMaxLength);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.QuoteId).IsUnique();
        builder.HasIndex(o => new { o.Status, o.OrderDate });
        builder.HasIndex(o => o.UpdatedAt);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);

        // Orders made before warehouses were chosen ship from the main one; a new order always says which.
        builder.Property(o => o.WarehouseId).HasDefaultValue(Warehouse.MainId).ValueGeneratedNever();
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasPricing<Order, OrderLine>();
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.HasPricing();
        builder.Property(l => l.ShippedQuantity).HasQuantityConversion();
        builder.Property(l => l.ReservedQuantity).HasQuantityConversion();
        builder.Ignore(l => l.RemainingQuantity);
        builder.Ignore(l => l.UnreservedQuantity);
        builder.HasIndex(l => new { l.OrderId, l.Position });
    }
}

internal sealed class NumberSeriesConfiguration : IEntityTypeConfiguration<NumberSeries>
{
    public void Configure(EntityTypeBuilder<NumberSeries> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Prefix).HasMaxLength(NumberSeries.PrefixMaxLength);
        builder.HasIndex(s => s.Kind).IsUnique();
        builder.HasData(NumberSeries.Default(1, NumberSeriesKind.Order, "SO"));
    }
}
