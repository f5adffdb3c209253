using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;

namespace SalesHub.Core.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.NameZh).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.Category).HasMaxLength(Product.CategoryMaxLength);
        builder.Property(p => p.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(p => p.SearchText).HasMaxLength(Product.SkuMaxLength + (2 * Product.NameMaxLength) + Product.CategoryMaxLength + 3);
        builder.Property(p => p.ListPrice).HasMoneyConversion();
        builder.Property(p => p.Cost).HasMoneyConversion();
        builder.Property(p => p.TaxRate).HasPercentConversion();

        // Products that existed before services were told apart are stocked; a new one always says.
        builder.Property(p => p.TracksStock).HasDefaultValue(true).ValueGeneratedNever();

        // Products belong to the company, not to an owner: everyone sees them, the recycle bin hides deleted ones.
        builder.HasQueryFilter(SalesHubDbContext.RecycleBinFilter, p => p.DeletedAt == null);

        // Unique across the recycle bin too, so that a restored product never collides.
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.HasIndex(p => new { p.Category, p.IsActive });
        builder.HasIndex(p => p.UpdatedAt);
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(PriceList.NameMaxLength);
        builder.HasIndex(l => l.Name).IsUnique();
        builder.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Cascade);

    }
}

/// <summary>
/// A customer's price list is a plain indexed column, not a foreign key: on SQLite adding a key to
/// the customers table rebuilds it and drops its search triggers. Deleting a list clears it in code
/// (<see cref="Catalog.PriceLists.DeleteAsync"/>), with the customers' history recording it.
/// </summary>
internal sealed class CustomerPriceListConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder) => builder.HasIndex(c => c.PriceListId);
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.Property(i => i.DiscountPercent).HasPercentConversion();
        builder.Property(i => i.FixedPrice).HasMoneyConversion();
        builder.HasIndex(i => new { i.PriceListId, i.ProductId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
