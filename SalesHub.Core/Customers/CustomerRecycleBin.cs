using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>
/// Deleted customers and contacts (回收站): listed for and restored by whoever may edit the
/// customer (its owner, the owner's team manager, administrators); purged for good by
/// administrators only. Restoring a customer that was merged into another undoes that merge.
/// </summary>
public sealed class CustomerRecycleBin(IDbContextFactory<SalesHubDbContext> dbFactory, CustomerAttachments attachments)
{
    public const int MaxPageSize = 100;

    public async Task<Page<DeletedRow>> ListCustomersAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var customers = RecycleBin.Deleted<Customer>(db).AsNoTracking().Where(CustomerAccess.Editable(db, actor));
        return await PageAsync(customers, page, pageSize, c => new DeletedRow(
            c.Id,
            c.Name,
            null,
            c.DeletedAt!.Value,
            db.Users.Where(u => u.Id == c.DeletedById).Select(u => u.DisplayName).FirstOrDefault()), cancellationToken);
    }

    /// <summary>Deleted contacts of the live customers the actor may edit.</summary>
    public async Task<Page<DeletedRow>> ListContactsAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        // Ignoring the recycle-bin filter reaches into every part of the query, the customers' too.
        var editable = db.Customers.Where(c => c.DeletedAt == null).Where(CustomerAccess.Editable(db, actor));
        var contacts = RecycleBin.Deleted<Contact>(db).AsNoTracking().Where(k => editable.Any(c => c.Id == k.CustomerId));
        return await PageAsync(contacts, page, pageSize, k => new DeletedRow(
            k.Id,
            k.Name,
            db.Customers.Where(c => c.Id == k.CustomerId).Select(c => c.Name).FirstOrDefault(),
            k.DeletedAt!.Value,
            db.Users.Where(u => u.Id == k.DeletedById).Select(u => u.DisplayName).FirstOrDefault()), cancellationToken);
    }

    /// <summary>Brings a customer back; one that was merged into another takes back what the merge moved.</summary>
    public async Task RestoreCustomerAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await InBin(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), id);
        await RequireEditableAsync(db, actor, customer.Id, cancellationToken);

        var merge = await db.CustomerMerges
            .Where(m => m.MergedId == id && m.UndoneAt == null)
            .OrderByDescending(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (merge is not null)
        {
            // The survivor may be in the recycle bin itself; whoever undoes the merge must be allowed to edit it.
            var survivor = await db.Customers.IgnoreQueryFilters([SalesHubDbContext.RecycleBinFilter])
                .SingleOrDefaultAsync(c => c.Id == merge.SurvivorId, cancellationToken)
                ?? throw new ForbiddenException();
            await RequireEditableAsync(db, actor, survivor.Id, cancellationToken);
            await db.PublishWhenCommittedAsync(await CustomerMerging.UndoAsync(db, merge, survivor, cancellationToken));
        }

        customer.DeletedAt = null;
        customer.DeletedById = null;
        await CustomerMerging.RefreshDerivedAsync(db, customer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RestoreContactAsync(Actor actor, int contactId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var contact = await RecycleBin.Deleted<Contact>(db).SingleOrDefaultAsync(k => k.Id == contactId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contact), contactId);
        var customer = await CustomerAccess.EditableAsync(db, actor, contact.CustomerId, null, cancellationToken, withParts: true);
        if (!customer.Contacts.Contains(contact))
        {
            customer.Contacts.Add(contact);
        }

        // The customer may have a new primary contact by now; it stays the one.
        contact.IsPrimary = contact.IsPrimary && !customer.Contacts.Any(k => k != contact && k.DeletedAt == null && k.IsPrimary);
        contact.DeletedAt = null;
        contact.DeletedById = null;
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes a customer in the recycle bin for good, with everything that belongs to it (the
    /// database cascades to its parts), and then its attachments' files: a file outlives its row
    /// only if erasing it fails, never the other way round.
    /// </summary>
    public async Task PurgeCustomerAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await InBin(db).AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Version }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), id);
        var storageKeys = await AttachmentStorageKeysAsync(db, id, cancellationToken);
        await db.RecordShares.Where(s => s.RecordType == nameof(Customer) && s.RecordId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Customers.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        await WritePurgedAsync(db, nameof(Customer), id, customer.Version, customer.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        attachments.DeleteFiles(storageKeys);
    }

    public async Task PurgeContactAsync(Actor actor, int contactId, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contacts = db.Contacts.IgnoreQueryFilters().Where(k => k.Id == contactId && k.DeletedAt != null);
        var contact = await contacts.Select(k => new { k.Name, k.Version }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contact), contactId);
        await contacts.ExecuteDeleteAsync(cancellationToken);
        await WritePurgedAsync(db, nameof(Contact), contactId, contact.Version, contact.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The files of a customer's attachments (deleted ones too), which outlive its rows unless the caller removes them.</summary>
    private static async Task<IReadOnlyList<string>> AttachmentStorageKeysAsync(SalesHubDbContext db, int customerId, CancellationToken cancellationToken) =>
        await db.CustomerAttachments.IgnoreQueryFilters()
            .Where(a => a.CustomerId == customerId)
            .Select(a => a.StorageKey)
            .ToListAsync(cancellationToken);

    /// <summary>Newest deletions first; the id keeps the order of records deleted together (by a merge, say) stable across pages.</summary>
    private static async Task<Page<DeletedRow>> PageAsync<T>(
        IQueryable<T> records, int page, int pageSize, Expression<Func<T, DeletedRow>> row, CancellationToken cancellationToken)
        where T : TrackedRecord
    {
        var total = await records.CountAsync(cancellationToken);
        var items = await records
            .OrderByDescending(r => r.DeletedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(row)
            .ToListAsync(cancellationToken);
        return new Page<DeletedRow>(items, total);
    }

    private static IQueryable<Customer> InBin(SalesHubDbContext db) =>
        db.Customers.IgnoreQueryFilters([SalesHubDbContext.RecycleBinFilter]).Where(c => c.DeletedAt != null);

    /// <summary>Who may edit a customer may restore it; the customer being in the recycle bin does not matter.</summary>
    private static async Task RequireEditableAsync(SalesHubDbContext db, Actor actor, int id, CancellationToken cancellationToken)
    {
        var editable = await db.Customers.IgnoreQueryFilters([SalesHubDbContext.RecycleBinFilter])
            .Where(c => c.Id == id)
            .AnyAsync(CustomerAccess.Editable(db, actor), cancellationToken);
        if (!editable)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The history of a purged record ends with who purged it (published on commit); the record itself is gone.</summary>
    private static async Task WritePurgedAsync(SalesHubDbContext db, string entityType, int id, long version, string name, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = entityType,
            EntityId = id,
            Action = AuditAction.Purged,
            Version = version,
            UserId = db.Actor.UserId,
            UserName = db.Actor.DisplayName,
            At = db.Clock.GetUtcNow(),
            Changes = [new FieldChange("name", name, null)],
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.PublishWhenCommittedAsync([new EntityChange(entityType, id, AuditAction.Purged, db.Actor.UserId)]);
    }
}
