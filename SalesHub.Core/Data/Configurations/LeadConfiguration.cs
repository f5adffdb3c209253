using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(Lead.NameMaxLength);
        builder.Property(l => l.Company).HasMaxLength(Lead.CompanyMaxLength);
        builder.Property(l => l.NormalizedName).HasMaxLength(Lead.CompanyMaxLength);
        foreach (var property in new[] { nameof(Lead.Title), nameof(Lead.Phone), nameof(Lead.Email), nameof(Lead.WeChatId), nameof(Lead.Province), nameof(Lead.City), nameof(Lead.Industry), nameof(Lead.PhoneDigits), nameof(Lead.EmailKey) })
        {
            builder.Property(property).HasMaxLength(Lead.ShortTextMaxLength);
        }

        builder.Property(l => l.DisqualifyReason).HasMaxLength(Lead.ReasonMaxLength);
        builder.Property(l => l.Notes).HasMaxLength(Lead.NotesMaxLength);
        builder.Property(l => l.SearchText).HasMaxLength(1000);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(l => l.IsPooled);
        builder.Ignore(l => l.IsOpen);

        // Duplicate detection looks these up; the list filters by status and pages by last update.
        builder.HasIndex(l => l.NormalizedName);
        builder.HasIndex(l => l.PhoneDigits);
        builder.HasIndex(l => l.EmailKey);
        builder.HasIndex(l => l.CustomerId);
        builder.HasIndex(l => new { l.Status, l.DeletedAt, l.UpdatedAt });
        builder.HasIndex(l => new { l.OwnerId, l.DeletedAt, l.Status });
    }
}

internal sealed class LeadAssignmentSettingsConfiguration : IEntityTypeConfiguration<LeadAssignmentSettings>
{
    public void Configure(EntityTypeBuilder<LeadAssignmentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Rules).WithOne().HasForeignKey(r => r.SettingsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasData(new { Id = LeadAssignmentSettings.SingletonId, Mode = LeadAssignmentMode.Pool, Version = 1L });
    }
}

internal sealed class LeadRoundRobinTurnConfiguration : IEntityTypeConfiguration<LeadRoundRobinTurn>
{
    public void Configure(EntityTypeBuilder<LeadRoundRobinTurn> builder)
    {
        builder.HasKey(t => t.TeamId);
        builder.Property(t => t.TeamId).ValueGeneratedNever();
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.LastUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LeadAssignmentRuleConfiguration : IEntityTypeConfiguration<LeadAssignmentRule>
{
    public void Configure(EntityTypeBuilder<LeadAssignmentRule> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Value).HasMaxLength(LeadAssignmentRule.ValueMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
