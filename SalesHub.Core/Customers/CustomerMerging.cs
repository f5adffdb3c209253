using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>A value of a customer that a merge takes from one of the merged customers.</summary>
public enum MergeField
{
    Name,
    Kind,
    Industry,
    Province,
    City,
    Address,
    Source,
    GradeId,
    Status,
    Notes,
    OwnerId,
}

/// <summary>For each field, the customer whose value the survivor keeps; a field not named keeps the survivor's own.</summary>
public sealed record MergeChoices(IReadOnlyDictionary<MergeField, int> Sources)
{
    public static MergeChoices SurvivorKeepsAll { get; } = new(new Dictionary<MergeField, int>());

    public int SourceOf(MergeField field, int survivorId) => Sources.GetValueOrDefault(field, survivorId);
}

/// <summary>
/// Merges duplicate customers into one survivor (合并客户): the chosen values, tags, every part
/// (contacts, interactions, attachments and whatever else belongs to a customer) and sharing go
/// to the survivor, and the others go to the recycle bin, remembering what moved so that
/// restoring one of them undoes its part of the merge.
/// </summary>
public sealed class CustomerMerging(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task MergeAsync(Actor actor, int survivorId, IReadOnlyList<int> mergedIds, MergeChoices choices, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is null)
        {
            throw new ForbiddenException();
        }

        var others = mergedIds.Distinct().Where(id => id != survivorId).ToList();
        if (others.Count == 0)
        {
            throw new DomainException("Duplicates.MergeTooFew") { Field = "mergedIds" };
        }

        var involved = others.Append(survivorId).ToHashSet();
        foreach (var (field, customerId) in choices.Sources)
        {
            if (!Enum.IsDefined(field) || !involved.Contains(customerId))
            {
                throw new DomainException("Errors.InvalidValue") { Field = CamelCase(field) };
            }
        }

        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await CustomerAccess.EditableAsync(db, actor, survivorId, null, cancellationToken, withParts: true);
        var merged = new List<Customer>();
        foreach (var id in others)
        {
            merged.Add(await CustomerAccess.EditableAsync(db, actor, id, null, cancellationToken));
        }

        var byId = merged.Append(survivor).ToDictionary(c => c.Id);
        await TakeChosenValuesAsync(db, actor, survivor, byId, choices, cancellationToken);

        var now = db.Clock.GetUtcNow();
        var survivorTagIds = survivor.Tags.Select(t => t.Id).ToHashSet();
        var changes = new List<EntityChange> { new(nameof(Customer), survivor.Id, AuditAction.Merged, actor.UserId) };
        foreach (var customer in merged)
        {
            var addedTagIds = await TakeTagsAsync(db, survivor, survivorTagIds, customer.Id, cancellationToken);
            var moved = new Dictionary<string, List<int>>();
            foreach (var partType in PartTypes(db))
            {
                var ids = await MovePartsAsync(db, partType, customer.Id, survivor.Id, null, cancellationToken);
                if (ids.Count > 0)
                {
                    moved[partType.ClrType.Name] = ids;
                    changes.AddRange(ids.Select(id => new EntityChange(partType.ClrType.Name, id, AuditAction.Updated, actor.UserId)));
                }
            }

            await CopySharesAsync(db, customer.Id, survivor, now, cancellationToken);
            db.CustomerMerges.Add(new CustomerMerge
            {
                SurvivorId = survivor.Id,
                MergedId = customer.Id,
                MergedAt = now,
                MergedById = actor.UserId,
                MovedParts = moved,
                AddedTagIds = addedTagIds,
            });
            customer.DeletedAt = now;
            customer.DeletedById = actor.UserId;
        }

        await RefreshDerivedAsync(db, survivor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.AddRange(merged.Select(customer => new AuditEntry
        {
            EntityType = nameof(Customer),
            EntityId = survivor.Id,
            Action = AuditAction.Merged,
            Version = survivor.Version,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            At = now,
            Changes = [new FieldChange("mergedCustomer", null, $"{customer.Name} (#{customer.Id})")],
        }));
        await db.SaveChangesAsync(cancellationToken);

        // The save publishes the merged customers' deletion; the parts moved in SQL it does not see.
        await db.PublishWhenCommittedAsync(changes);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Undoes <paramref name="merge"/> inside the caller's transaction: the parts it moved that are
    /// still on the survivor go back, and the survivor loses the tags it only had from the merged
    /// customer. Returns the changes the caller's save may not see (the survivor losing parts, the
    /// parts moved in SQL), to publish once the transaction commits.
    /// </summary>
    internal static async Task<List<EntityChange>> UndoAsync(SalesHubDbContext db, CustomerMerge merge, Customer survivor, CancellationToken cancellationToken)
    {
        var changes = new List<EntityChange> { new(nameof(Customer), survivor.Id, AuditAction.Updated, db.Actor.UserId) };
        foreach (var partType in PartTypes(db))
        {
            if (merge.MovedParts.TryGetValue(partType.ClrType.Name, out var ids))
            {
                var back = await MovePartsAsync(db, partType, survivor.Id, merge.MergedId, ids, cancellationToken);
                changes.AddRange(back.Select(id => new EntityChange(partType.ClrType.Name, id, AuditAction.Updated, db.Actor.UserId)));
            }
        }

        // Another customer merged into the same survivor may have brought the same tag.
        var stillBrought = await db.CustomerMerges
            .Where(m => m.SurvivorId == survivor.Id && m.Id != merge.Id && m.UndoneAt == null)
            .Select(m => m.AddedTagIds)
            .ToListAsync(cancellationToken);
        var removed = merge.AddedTagIds.Except(stillBrought.SelectMany(t => t)).ToHashSet();
        await db.Entry(survivor).Collection(c => c.Tags).LoadAsync(cancellationToken);
        survivor.Tags.RemoveAll(t => removed.Contains(t.Id));
        merge.UndoneAt = db.Clock.GetUtcNow();
        await RefreshDerivedAsync(db, survivor, cancellationToken);
        return changes;
    }

    /// <summary>
    /// Rebuilds what is derived from a customer's parts (its search text and last interaction),
    /// whether or not the customer is in the recycle bin. Contacts moved away from the customer must
    /// not have been loaded before the move: the tracker would still count them as the customer's.
    /// </summary>
    internal static async Task RefreshDerivedAsync(SalesHubDbContext db, Customer customer, CancellationToken cancellationToken)
    {
        // The parts a merge or an undo moved in SQL join the tracked customer here (the search text skips deleted contacts).
        await db.Contacts.IgnoreQueryFilters().Where(k => k.CustomerId == customer.Id).LoadAsync(cancellationToken);
        var tags = db.Entry(customer).Collection(c => c.Tags);
        if (!tags.IsLoaded)
        {
            await tags.LoadAsync(cancellationToken);
        }

        customer.RefreshSearchText();
        customer.LastInteractionAt = await db.Interactions.IgnoreQueryFilters()
            .Where(i => i.CustomerId == customer.Id && i.DeletedAt == null)
            .MaxAsync(i => (DateTimeOffset?)i.OccurredAt, cancellationToken);
    }

    /// <summary>Every kind of record that belongs to a customer, so that parts added later move too.</summary>
    internal static IEnumerable<IEntityType> PartTypes(SalesHubDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(CustomerPart).IsAssignableFrom(t.ClrType))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);

    private static async Task TakeChosenValuesAsync(
        SalesHubDbContext db, Actor actor, Customer survivor, Dictionary<int, Customer> byId, MergeChoices choices, CancellationToken cancellationToken)
    {
        Customer From(MergeField field) => byId[choices.SourceOf(field, survivor.Id)];
        survivor.Describe(new CustomerDetails(
            From(MergeField.Name).Name,
            From(MergeField.Kind).Kind,
            From(MergeField.Industry).Industry,
            From(MergeField.Province).Province,
            From(MergeField.City).City,
            From(MergeField.Address).Address,
            From(MergeField.Source).Source,
            From(MergeField.GradeId).GradeId,
            From(MergeField.Status).Status,
            From(MergeField.Notes).Notes));
        var ownerId = From(MergeField.OwnerId).OwnerId;
        if (ownerId != survivor.OwnerId)
        {
            await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
            survivor.AssignTo(ownerId);
        }
    }

    /// <summary>Gives the survivor the merged customer's tags; returns those it did not have before the merge.</summary>
    private static async Task<List<int>> TakeTagsAsync(
        SalesHubDbContext db, Customer survivor, HashSet<int> survivorTagIds, int mergedId, CancellationToken cancellationToken)
    {
        var tagIds = await db.Customers.IgnoreQueryFilters()
            .Where(c => c.Id == mergedId)
            .SelectMany(c => c.Tags.Select(t => t.Id))
            .ToListAsync(cancellationToken);
        var added = tagIds.Where(id => !survivorTagIds.Contains(id)).Order().ToList();
        var missing = added.Where(id => survivor.Tags.All(t => t.Id != id)).ToList();
        survivor.Tags.AddRange(await db.Tags.Where(t => missing.Contains(t.Id)).ToListAsync(cancellationToken));
        return added;
    }

    /// <summary>
    /// Moves parts of one type from one customer to another in SQL, deleted ones included (they
    /// come back with their customer). <paramref name="onlyIds"/> limits the move to those parts.
    /// </summary>
    private static Task<List<int>> MovePartsAsync(
        SalesHubDbContext db, IEntityType partType, int fromId, int toId, IReadOnlyCollection<int>? onlyIds, CancellationToken cancellationToken) =>
        (Task<List<int>>)typeof(CustomerMerging)
            .GetMethod(nameof(MovePartsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(partType.ClrType)
            .Invoke(null, [db, fromId, toId, onlyIds, cancellationToken])!;

    private static async Task<List<int>> MovePartsOfAsync<T>(
        SalesHubDbContext db, int fromId, int toId, IReadOnlyCollection<int>? onlyIds, CancellationToken cancellationToken)
        where T : CustomerPart
    {
        var parts = db.Set<T>().IgnoreQueryFilters().Where(p => p.CustomerId == fromId);
        if (onlyIds is not null)
        {
            parts = parts.Where(p => onlyIds.Contains(p.Id));
        }

        var ids = await parts.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await parts.ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, toId), cancellationToken);
        }

        return ids;
    }

    /// <summary>Whoever the merged customer was shared with now sees the survivor.</summary>
    private static async Task CopySharesAsync(SalesHubDbContext db, int mergedId, Customer survivor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shares = db.RecordShares.Where(s => s.RecordType == nameof(Customer));
        var users = await shares.Where(s => s.RecordId == mergedId).Select(s => s.UserId).ToListAsync(cancellationToken);
        var already = await shares.Where(s => s.RecordId == survivor.Id).Select(s => s.UserId).ToListAsync(cancellationToken);
        var pending = db.RecordShares.Local.Where(s => s.RecordType == nameof(Customer) && s.RecordId == survivor.Id).Select(s => s.UserId);
        db.RecordShares.AddRange(users.Except(already).Except(pending).Where(u => u != survivor.OwnerId).ToList()
            .Select(u => new RecordShare { RecordType = nameof(Customer), RecordId = survivor.Id, UserId = u, SharedAt = now }));
    }

    private static string CamelCase(MergeField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];
}
