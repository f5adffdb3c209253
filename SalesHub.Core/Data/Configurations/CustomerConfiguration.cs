using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.NormalizedName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Industry).HasMaxLength(Customer.ShortTextMaxLength);
        builder.Property(c => c.Province).HasMaxLength(Customer.ShortTextMaxLength);
        builder.Property(c => c.City).HasMaxLength(Customer.ShortTextMaxLength);
        builder.Property(c => c.Source).HasMaxLength(Customer.ShortTextMaxLength);
        builder.Property(c => c.Address).HasMaxLength(Customer.AddressMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Customer.NotesMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.Grade).WithMany().HasForeignKey(c => c.GradeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Tags).WithMany(t => t.Customers).UsingEntity("CustomerTags");

        // The list sorts and filters by these; duplicate detection looks names up.
        builder.HasIndex(c => c.NormalizedName);
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasIndex(c => c.LastInteractionAt);
        builder.HasIndex(c => c.Industry);
        builder.HasIndex(c => c.Province);

        // The grade and status filters, alone or together, counted and paged in the default order
        // (last updated first) from the index alone.
        builder.HasIndex(c => new { c.GradeId, c.Status, c.DeletedAt, c.UpdatedAt });
        builder.HasIndex(c => new { c.Status, c.DeletedAt, c.UpdatedAt });

        // Holds every column the visibility and recycle-bin filters read (the id comes with any
        // index), so that counting a list's rows reads this small index rather than the table.
        builder.HasIndex(c => new { c.OwnerId, c.DeletedAt });
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
        foreach (var property in new[] { nameof(Contact.Title), nameof(Contact.Mobile), nameof(Contact.OfficePhone), nameof(Contact.Email), nameof(Contact.WeChatId), nameof(Contact.MobileDigits), nameof(Contact.OfficePhoneDigits), nameof(Contact.EmailKey) })
        {
            builder.Property(property).HasMaxLength(Contact.FieldMaxLength);
        }

        builder.HasOne(c => c.Customer).WithMany(c => c.Contacts).HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CustomerId);
        builder.HasIndex(c => c.MobileDigits);
        builder.HasIndex(c => c.OfficePhoneDigits);
        builder.HasIndex(c => c.EmailKey);
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Summary).HasMaxLength(Interaction.SummaryMaxLength);
        builder.Property(i => i.Outcome).HasMaxLength(Interaction.OutcomeMaxLength);
        builder.Property(i => i.NextStep).HasMaxLength(Interaction.OutcomeMaxLength);
        builder.HasOne(i => i.Customer).WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.LoggedBy).WithMany().HasForeignKey(i => i.LoggedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.CustomerId, i.OccurredAt });
    }
}

internal sealed class CustomerAttachmentConfiguration : IEntityTypeConfiguration<CustomerAttachment>
{
    public void Configure(EntityTypeBuilder<CustomerAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(CustomerAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(64);
        builder.HasOne(a => a.Customer).WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.UploadedBy).WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CustomerId);
    }
}

internal sealed class CustomerGradeConfiguration : IEntityTypeConfiguration<CustomerGrade>
{
    public void Configure(EntityTypeBuilder<CustomerGrade> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(CustomerGrade.NameMaxLength);
        builder.Property(g => g.Color).HasMaxLength(7);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasData(
            new { Id = 1, Name = "A", Color = "#E53935", SortOrder = 1, Version = 1L },
            new { Id = 2, Name = "B", Color = "#FB8C00", SortOrder = 2, Version = 1L },
            new { Id = 3, Name = "C", Color = "#1E88E5", SortOrder = 3, Version = 1L },
            new { Id = 4, Name = "D", Color = "#607D8B", SortOrder = 4, Version = 1L });
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> builder)
    {
        builder.Property(m => m.MovedParts).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, List<int>>>(v, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<Dictionary<string, List<int>>>((a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default), v => v.Count, v => v));
        builder.Property(m => m.AddedTagIds).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<int>>(v, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.HasIndex(m => m.MergedId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.MergedById).OnDelete(DeleteBehavior.SetNull);
    }
}
