using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Data.Configurations;

/// <summary>
/// How quotes, orders and their lines store what <see cref="QuotePricing"/> works with: money and
/// percentages as cents and basis points (<see cref="MoneyConversion"/>), quantities as thousandths
/// (<see cref="QuantityConversion"/>).
/// </summary>
internal static class PricingConfiguration
{
    /// <summary>
    /// Maps what quotes and orders share, for a document whose lines are already related to it. The
    /// customer, contact and deal are plain indexed columns, not foreign keys: on SQLite a key to the
    /// customers table rebuilds it and drops its search triggers.
    /// </summary>
    public static void HasPricing<TDocument, TLine>(this EntityTypeBuilder<TDocument> builder)
        where TDocument : PricedDocument<TLine>
        where TLine : PricedLine
    {
        builder.Property(d => d.CustomerName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(d => d.SearchText).HasMaxLength(Customer.NameMaxLength);
        builder.Property(d => d.Language).HasMaxLength(PricedDocument<TLine>.LanguageMaxLength);
        builder.Property(d => d.Notes).HasMaxLength(PricedDocument<TLine>.NotesMaxLength);
        builder.HasIndex(d => d.CustomerId);
        builder.HasIndex(d => d.OpportunityId);
        builder.Property(d => d.TaxRounding).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.DiscountPercent).HasPercentConversion();
        builder.Property(d => d.DiscountAmount).HasMoneyConversion();
        builder.Property(d => d.Untaxed).HasMoneyConversion();
        builder.Property(d => d.Tax).HasMoneyConversion();
        builder.Property(d => d.Total).HasMoneyConversion();
        builder.Navigation(d => d.Lines).HasField("_lines");
        builder.Ignore(d => d.LineList);
    }

    public static void HasPricing<TLine>(this EntityTypeBuilder<TLine> builder)
        where TLine : PricedLine
    {
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(l => l.NameEn).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.NameZh).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.Quantity).HasQuantityConversion();
        builder.Property(l => l.UnitPrice).HasMoneyConversion();
        builder.Property(l => l.StandardPrice).HasMoneyConversion();
        builder.Property(l => l.DiscountPercent).HasPercentConversion();
        builder.Property(l => l.DiscountAmount).HasMoneyConversion();
        builder.Property(l => l.TaxRate).HasPercentConversion();
        builder.Property(l => l.Amount).HasMoneyConversion();
        builder.Property(l => l.Untaxed).HasMoneyConversion();
        builder.Property(l => l.Tax).HasMoneyConversion();
        builder.Property(l => l.Total).HasMoneyConversion();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
