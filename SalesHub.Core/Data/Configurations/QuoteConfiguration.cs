using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Data.Configurations;

/// <summary>
/// Quotes keep their customer and contact as plain indexed columns, not foreign keys: on SQLite a key
/// to the customers table rebuilds it and drops its search triggers. Money and percentages are cents
/// and basis points (<see cref="MoneyConversion"/>); quantities are thousandths.
/// </summary>
internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Number).HasMaxLength(Quote.NumberMaxLength);
        builder.Property(q => q.CustomerName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(q => q.SearchText).HasMaxLength(Customer.NameMaxLength);
        builder.Property(q => q.Language).HasMaxLength(Quote.LanguageMaxLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.TaxRounding).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Notes).HasMaxLength(Quote.NotesMaxLength);
        builder.Property(q => q.Terms).HasMaxLength(Quote.TermsMaxLength);
        builder.Property(q => q.ApprovalComment).HasMaxLength(Quote.CommentMaxLength);
        builder.Property(q => q.DiscountPercent).HasPercentConversion();
        builder.Property(q => q.ApprovalDiscountPercent).HasPercentConversion();
        builder.Property(q => q.DiscountAmount).HasMoneyConversion();
        builder.Property(q => q.Untaxed).HasMoneyConversion();
        builder.Property(q => q.Tax).HasMoneyConversion();
        builder.Property(q => q.Total).HasMoneyConversion();
        builder.HasIndex(q => new { q.Number, q.Revision }).IsUnique();
        builder.HasIndex(q => q.CustomerId);
        builder.HasIndex(q => q.OpportunityId);
        builder.HasIndex(q => new { q.Status, q.ValidUntil });
        builder.HasIndex(q => q.UpdatedAt);
        builder.HasOne<Quote>().WithMany().HasForeignKey(q => q.PreviousRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Lines).HasField("_lines");
        builder.Ignore(q => q.LineList);
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    private static readonly ValueConverter<decimal, long> Thousandths = new(q => decimal.ToInt64(q * 1000m), t => t / 1000m);

    public void Configure(EntityTypeBuilder<QuoteLine> builder)
    {
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(l => l.NameEn).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.NameZh).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.Quantity).HasConversion(Thousandths);
        builder.Property(l => l.UnitPrice).HasMoneyConversion();
        builder.Property(l => l.StandardPrice).HasMoneyConversion();
        builder.Property(l => l.DiscountPercent).HasPercentConversion();
        builder.Property(l => l.DiscountAmount).HasMoneyConversion();
        builder.Property(l => l.TaxRate).HasPercentConversion();
        builder.Property(l => l.Amount).HasMoneyConversion();
        builder.Property(l => l.Untaxed).HasMoneyConversion();
        builder.Property(l => l.Tax).HasMoneyConversion();
        builder.Property(l => l.Total).HasMoneyConversion();
        builder.HasIndex(l => new { l.QuoteId, l.Position });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
