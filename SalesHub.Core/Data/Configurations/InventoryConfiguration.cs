using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(Warehouse.CodeMaxLength);
        builder.Property(w => w.NameEn).HasMaxLength(Warehouse.NameMaxLength);
        builder.Property(w => w.NameZh).HasMaxLength(Warehouse.NameMaxLength);
        builder.HasIndex(w => w.Code).IsUnique();

        // Every installation has one warehouse to book stock into, as it has its grades.
        builder.HasData(new { Id = Warehouse.MainId, Code = "MAIN", NameEn = "Main warehouse", NameZh = "主仓库", IsActive = true, Version = 1L });
    }
}

/// <summary>
/// The ledger is read per product, newest first (a product's history) — and never updated. Products and
/// warehouses are restricted from deletion while movements name them; orders are plain numbers.
/// </summary>
internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.OnHandChange).HasQuantityConversion();
        builder.Property(m => m.ReservedChange).HasQuantityConversion();
        builder.Property(m => m.Reason).HasMaxLength(StockMovement.ReasonMaxLength);
        builder.Property(m => m.Note).HasMaxLength(StockMovement.NoteMaxLength);
        builder.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.OtherWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ProductId, m.OccurredAt });
        builder.HasIndex(m => m.OrderId);
    }
}

/// <summary>
/// One row per product and warehouse, keyed by both. The check constraint is the last line of defence
/// behind the ledger's conditional updates: no write of any kind can leave stock negative or over-reserved.
/// </summary>
internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> builder)
    {
        builder.ToTable("StockBalances", t => t.HasCheckConstraint("CK_StockBalances_Stock", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\""));
        builder.HasKey(b => new { b.ProductId, b.WarehouseId });
        builder.Property(b => b.OnHand).HasQuantityConversion();
        builder.Property(b => b.Reserved).HasQuantityConversion();
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(b => b.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.WarehouseId);
    }
}

/// <summary>What each order holds, keyed by order, product and warehouse; never negative.</summary>
internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.ToTable("StockReservations", t => t.HasCheckConstraint("CK_StockReservations_Quantity", "\"Quantity\" >= 0"));
        builder.HasKey(r => new { r.OrderId, r.ProductId, r.WarehouseId });
        builder.Property(r => r.Quantity).HasQuantityConversion();
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ProductId, r.WarehouseId });
    }
}

/// <summary>A product's reorder point lives on the product (its edits are in the product's history), in thousandths like all stock.</summary>
internal sealed class ProductReorderPointConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.ReorderPoint).HasQuantityConversion();
}
