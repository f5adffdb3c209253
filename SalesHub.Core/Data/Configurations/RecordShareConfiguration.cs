using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

internal sealed class RecordShareConfiguration : IEntityTypeConfiguration<RecordShare>
{
    public void Configure(EntityTypeBuilder<RecordShare> builder)
    {
        builder.Property(s => s.RecordType).HasMaxLength(60);
        builder.HasIndex(s => new { s.RecordType, s.RecordId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
