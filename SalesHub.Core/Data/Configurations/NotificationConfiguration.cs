using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

/// <summary>A user's notifications are read newest first and counted while unread: both by recipient.</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.SubjectType).HasMaxLength(Notification.SubjectTypeMaxLength);
        builder.Property(n => n.Argument).HasMaxLength(Notification.ArgumentMaxLength);
        builder.Property(n => n.Comment).HasMaxLength(Notification.CommentMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
