using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Data.Configurations;

/// <summary>What quotes have besides what every priced document has (<see cref="PricingConfiguration"/>).</summary>
internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Number).HasMaxLength(Quote.NumberMaxLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Terms).HasMaxLength(Quote.TermsMaxLength);
        builder.Property(q => q.ApprovalComment).HasMaxLength(Quote.CommentMaxLength);
        builder.Property(q => q.ApprovalDiscountPercent).HasPercentConversion();
        builder.HasIndex(q => new { q.Number, q.Revision }).IsUnique();
        builder.HasIndex(q => new { q.Status, q.ValidUntil });
        builder.HasIndex(q => q.UpdatedAt);
        builder.HasOne<Quote>().WithMany().HasForeignKey(q => q.PreviousRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasPricing<Quote, QuoteLine>();
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> builder)
    {
        builder.HasPricing();
        builder.HasIndex(l => new { l.QuoteId, l.Position });
    }
}
