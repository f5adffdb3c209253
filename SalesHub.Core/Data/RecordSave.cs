using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Data;

/// <summary>
/// One save of the context with the record rules applied: deletes of soft-deletable records become
/// moves to the recycle bin, versions go up, timestamps are set, and every audited change is
/// written in the same transaction as the change itself.
/// </summary>
internal sealed class RecordSave(SalesHubDbContext db, DateTimeOffset now)
{
    // Bookkeeping the record rules set themselves, and secrets that never belong in a history.
    private static readonly HashSet<string> UnauditedProperties =
    [
        nameof(IVersioned.Version), nameof(TrackedRecord.CreatedAt), nameof(TrackedRecord.UpdatedAt),
        nameof(ISoftDeletable.DeletedAt), nameof(ISoftDeletable.DeletedById),
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "AccessFailedCount",
        // Kept in step with the fields a user edits, which the history already shows.
        "NormalizedName", "SearchText", "LastInteractionAt", "MobileDigits", "OfficePhoneDigits", "EmailKey", "WeightedAmount",
        // A deal's activity clock moves with every interaction on its customer: bookkeeping, not an edit.
        "LastActivityAt", "StaleAt", "StaleNotifiedAt", "StageEnteredAt",
    ];

    private readonly List<RecordChange> _changes = [];

    public IReadOnlyList<EntityChange> PublishedChanges { get; private set; } = [];

    public void Prepare()
    {
        db.ChangeTracker.DetectChanges();
        var tracked = db.ChangeTracker.Entries().ToList();
        var links = tracked.Where(e => e.State is EntityState.Added or EntityState.Deleted && e.Metadata.HasSharedClrType).ToList();
        foreach (var entry in tracked.Where(e => e.Entity is IRecord))
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable)
            {
                entry.State = EntityState.Unchanged;
                entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue = now;
                entry.Property(nameof(ISoftDeletable.DeletedById)).CurrentValue = db.Actor.UserId;
            }

            var action = ActionOf(entry);
            var collections = action is null or AuditAction.Updated ? ChangedCollections(entry, links, tracked) : [];
            action ??= collections.Count > 0 ? AuditAction.Updated : null;
            if (action is null)
            {
                continue;
            }

            var fields = ChangedFields(entry, action.Value);
            fields.AddRange(collections);
            if (action == AuditAction.Updated && fields.Count == 0)
            {
                // Only bookkeeping changed (a failed sign-in count, say): no new version, no history line.
                continue;
            }

            StampVersionAndTimes(entry);
            _changes.Add(new RecordChange(entry, action.Value, fields));
        }
    }

    public async Task<int> CommitAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        int written;
        if (!_changes.Any(c => c.Action == AuditAction.Created && c.Entry.Entity is IAudited))
        {
            db.AuditEntries.AddRange(AuditEntries());
            written = await db.SaveWithoutRecordRulesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else
        {
            // New records get their ids from the database, and their audit lines need them:
            // save twice inside one transaction so that both land or neither does.
            var ownTransaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                written = await db.SaveWithoutRecordRulesAsync(true, cancellationToken);
                db.AuditEntries.AddRange(AuditEntries());
                await db.SaveWithoutRecordRulesAsync(true, cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }

        PublishedChanges = _changes
            .Select(c => new EntityChange(c.EntityType, ((IRecord)c.Entry.Entity).Id, c.Action, db.Actor.UserId, (c.Entry.Entity as IAddressedRecord)?.RecipientId))
            .Concat(CustomersOfSavedParts())
            .ToList();
        return written;
    }

    /// <summary>Turns a refused stale save into a conflict that names what changed in between.</summary>
    public static async Task<ConcurrencyConflictException> DescribeConflictAsync(
        SalesHubDbContext db, DbUpdateConcurrencyException exception, CancellationToken cancellationToken)
    {
        var entry = exception.Entries.FirstOrDefault(e => e.Entity is IRecord);
        if (entry is null)
        {
            return new ConcurrencyConflictException("", 0, []);
        }

        var id = ((IRecord)entry.Entity).Id;
        var type = entry.Metadata.ClrType.Name;
        if (entry.Entity is not IVersioned)
        {
            return new ConcurrencyConflictException(type, id, []);
        }

        var basedOn = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
        var intervening = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id && a.Version > basedOn)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return new ConcurrencyConflictException(type, id, intervening);
    }

    private static AuditAction? ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        EntityState.Modified when entry.Entity is ISoftDeletable && entry.Property(nameof(ISoftDeletable.DeletedAt)).IsModified =>
            entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue is null ? AuditAction.Restored : AuditAction.Deleted,
        EntityState.Modified => AuditAction.Updated,
        _ => null,
    };

    private static List<FieldChange> ChangedFields(EntityEntry entry, AuditAction action)
    {
        var fields = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || UnauditedProperties.Contains(name))
            {
                continue;
            }

            var before = action == AuditAction.Created ? null : Format(property.OriginalValue);
            var after = action == AuditAction.Deleted && entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (action == AuditAction.Updated && (!property.IsModified || before == after))
            {
                continue;
            }

            if (before != after)
            {
                fields.Add(new FieldChange(name, before, after));
            }
        }

        return fields;
    }

    /// <summary>
    /// The many-to-many collections of a tracked record that this save changes — a customer's tags —
    /// as fields whose values are the names before and after. The other side (a tag's customers)
    /// is not a field of the tag: only collections of things that are not tracked records count.
    /// </summary>
    private static List<FieldChange> ChangedCollections(EntityEntry entry, List<EntityEntry> links, List<EntityEntry> tracked)
    {
        var fields = new List<FieldChange>();
        if (entry.Entity is not TrackedRecord || links.Count == 0)
        {
            return fields;
        }

        foreach (var navigation in entry.Metadata.GetSkipNavigations().Where(n => !typeof(TrackedRecord).IsAssignableFrom(n.TargetEntityType.ClrType)))
        {
            var id = entry.Property(navigation.ForeignKey.PrincipalKey.Properties[0].Name).CurrentValue;
            var ownKey = navigation.ForeignKey.Properties[0].Name;
            var targetKey = navigation.Inverse.ForeignKey.Properties[0].Name;
            var changed = links.Where(l => l.Metadata == navigation.JoinEntityType && Equals(l.Property(ownKey).CurrentValue, id)).ToList();
            if (changed.Count == 0)
            {
                continue;
            }

            var added = changed.Where(l => l.State == EntityState.Added).Select(l => l.Property(targetKey).CurrentValue).ToHashSet();
            var removed = changed.Where(l => l.State == EntityState.Deleted).Select(l => l.Property(targetKey).CurrentValue).ToHashSet();
            var targets = tracked.Where(t => t.Metadata == navigation.TargetEntityType).ToList();
            var after = ((IEnumerable<object>?)entry.Collection(navigation.Name).CurrentValue ?? []).Select(t => targets.Single(e => e.Entity == t)).ToList();
            var before = after.Where(t => !added.Contains(KeyOf(t))).Concat(targets.Where(t => removed.Contains(KeyOf(t)))).ToList();
            var (old, current) = (Names(before), Names(after));
            if (old != current)
            {
                fields.Add(new FieldChange(navigation.Name, old, current));
            }
        }

        return fields;

        static object? KeyOf(EntityEntry target) => target.Property(target.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue;

        // Shown by name where the target has one (tags do), by key otherwise.
        static string? Names(List<EntityEntry> targets) => targets.Count == 0 ? null : string.Join(", ", targets
            .Select(t => Format(t.Metadata.FindProperty("Name") is { } name ? t.Property(name.Name).CurrentValue : KeyOf(t)))
            .Order(StringComparer.Ordinal));
    }

    private void StampVersionAndTimes(EntityEntry entry)
    {
        if (entry.Entity is IVersioned versioned)
        {
            versioned.Version = entry.State == EntityState.Added
                ? 1
                : (long)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
        }

        if (entry.Entity is TrackedRecord record)
        {
            if (entry.State == EntityState.Added)
            {
                record.CreatedAt = now;
            }

            record.UpdatedAt = now;
        }
    }

    private IEnumerable<AuditEntry> AuditEntries() =>
        _changes.Where(c => c.Entry.Entity is IAudited).Select(c => new AuditEntry
        {
            EntityType = c.EntityType,
            EntityId = ((IRecord)c.Entry.Entity).Id,
            Action = c.Action,
            Version = (c.Entry.Entity as IVersioned)?.Version ?? 0,
            UserId = db.Actor.UserId,
            UserName = db.Actor.DisplayName,
            At = now,
            Changes = c.Fields,
        });

    /// <summary>
    /// A customer's page shows its contacts, timeline and attachments, so a saved part is also a
    /// change of its customer (unless the customer itself is already in this save).
    /// </summary>
    private IEnumerable<EntityChange> CustomersOfSavedParts()
    {
        var saved = _changes.Select(c => c.Entry.Entity).OfType<Customer>().Select(c => c.Id).ToHashSet();
        return _changes.Select(c => c.Entry.Entity).OfType<CustomerPart>()
            .Select(p => p.CustomerId)
            .Distinct()
            .Where(id => !saved.Contains(id))
            .Select(id => new EntityChange(nameof(Customer), id, AuditAction.Updated, db.Actor.UserId))
            .ToList();
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record RecordChange(EntityEntry Entry, AuditAction Action, List<FieldChange> Fields)
    {
        public string EntityType => Entry.Metadata.ClrType.Name;
    }
}
