using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.Property(s => s.NameEn).HasMaxLength(PipelineStage.NameMaxLength);
        builder.Property(s => s.NameZh).HasMaxLength(PipelineStage.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(s => s.SortOrder);
        builder.Ignore(s => s.IsOpen);
    }
}

/// <summary>
/// Deals keep their customer as a plain indexed column, as quotes do (a key to the customers table
/// would make SQLite rebuild it). Boards group open deals by stage and flag them by <c>StaleAt</c>;
/// the stale round looks deals up by <c>StaleAt</c> too.
/// </summary>
internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Opportunity.NameMaxLength);
        builder.Property(o => o.CustomerName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(o => o.SearchText).HasMaxLength(Opportunity.NameMaxLength + Customer.NameMaxLength + 1);
        builder.Property(o => o.Competitor).HasMaxLength(Opportunity.CompetitorMaxLength);
        builder.Property(o => o.NextStep).HasMaxLength(Opportunity.NextStepMaxLength);
        builder.Property(o => o.LostReason).HasMaxLength(Opportunity.LostReasonMaxLength);
        builder.Property(o => o.Amount).HasMoneyConversion();
        builder.Property(o => o.WeightedAmount).HasMoneyConversion();
        builder.HasOne(o => o.Stage).WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.CustomerId);
        // A team's board reads its owners' deals (VisibleByIndex) and groups them by stage.
        builder.HasIndex(o => new { o.OwnerId, o.StageId });
        builder.HasIndex(o => new { o.StageId, o.ExpectedCloseDate });
        builder.HasIndex(o => o.StaleAt);
        builder.HasIndex(o => o.UpdatedAt);
    }
}

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> builder)
    {
        builder.HasOne(c => c.Opportunity).WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.OpportunityId, c.ChangedAt });
    }
}
