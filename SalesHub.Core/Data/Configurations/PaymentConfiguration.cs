using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

/// <summary>
/// Payments are read per order (sums, lists) and never updated. Each payment is reversed at most once: a
/// unique index on the reversed payment (nulls, the ordinary payments, do not collide on either provider).
/// Payments and plans are seen exactly when their order is: every query reaches them through the orders.
/// </summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Amount).HasMoneyConversion();
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(p => p.Note).HasMaxLength(Payment.NoteMaxLength);
        builder.Property(p => p.ReversalReason).HasMaxLength(Payment.ReasonMaxLength);
        builder.Ignore(p => p.IsReversal);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payment>().WithOne().HasForeignKey<Payment>(p => p.ReversesPaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.OrderId, p.ReceivedOn });
    }
}

/// <summary>An order's plan, read and replaced whole, in due-date order.</summary>
internal sealed class PaymentInstalmentConfiguration : IEntityTypeConfiguration<PaymentInstalment>
{
    public void Configure(EntityTypeBuilder<PaymentInstalment> builder)
    {
        builder.Property(i => i.Amount).HasMoneyConversion();
        builder.Property(i => i.Note).HasMaxLength(PaymentInstalment.NoteMaxLength);
        builder.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.OrderId, i.DueDate, i.Position });
    }
}
