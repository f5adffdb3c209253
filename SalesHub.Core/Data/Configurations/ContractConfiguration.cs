using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;

namespace SalesHub.Core.Data.Configurations;

/// <summary>
/// Contracts are numbered uniquely, listed by status and end date, and found by the reminder job through their
/// reminder date. Like orders, a contract names its customer by id (a purged customer leaves its contracts); its order is kept (restricted delete); its files go with it.
/// </summary>
internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(Contract.NumberMaxLength);
        builder.Property(c => c.CustomerName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Title).HasMaxLength(Contract.TitleMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Contract.NotesMaxLength);
        builder.Property(c => c.TerminationReason).HasMaxLength(Contract.ReasonMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Amount).HasMoneyConversion();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.CustomerId, c.EndsOn });
        builder.HasIndex(c => c.OrderId);
        builder.HasIndex(c => new { c.Status, c.EndsOn });
        builder.HasIndex(c => new { c.RemindOn, c.RenewalRemindedAt });
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsEditable);
        builder.Ignore(c => c.CanSign);
        builder.Ignore(c => c.CanTerminate);
    }
}

/// <summary>A contract's files: listed per contract, newest first; in the recycle bin when deleted.</summary>
internal sealed class ContractAttachmentConfiguration : IEntityTypeConfiguration<ContractAttachment>
{
    public void Configure(EntityTypeBuilder<ContractAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(CustomerAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(64);
        builder.HasIndex(a => new { a.ContractId, a.CreatedAt });
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.UploadedBy).WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasQueryFilter(SalesHubDbContext.RecycleBinFilter, a => a.DeletedAt == null);
    }
}

/// <summary>The contract number series, "HT2026-00001" unless the company changes it.</summary>
internal sealed class ContractNumberSeriesConfiguration : IEntityTypeConfiguration<NumberSeries>
{
    public void Configure(EntityTypeBuilder<NumberSeries> builder) =>
        builder.HasData(NumberSeries.Default(2, NumberSeriesKind.Contract, "HT"));
}
