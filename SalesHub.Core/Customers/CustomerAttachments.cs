using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesHub.Core.Attachments;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

public sealed record AttachmentRow(
    int Id,
    int CustomerId,
    string FileName,
    string ContentType,
    long Size,
    int UploadedById,
    string UploadedByName,
    DateTimeOffset UploadedAt,
    bool CanDelete);

/// <summary>An attachment's bytes, with the name and type to send them under. The caller disposes <see cref="Content"/>.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType, long Size);

/// <summary>
/// Files kept with a customer. Whoever sees the customer may list, download and upload them (as
/// with logging an interaction); the uploader or an editor of the customer may delete one. A file
/// is screened (not empty, not too large, an allowed extension, no executable content whatever its
/// name) and kept in the attachment folder outside the web root under a random key, never under
/// the name the user sent.
/// </summary>
public sealed class CustomerAttachments(IDbContextFactory<SalesHubDbContext> dbFactory, IOptions<AttachmentOptions> options)
{
    private readonly AttachmentFiles _files = new(options.Value);

    /// <summary>The size and type limits uploads are held to, for pickers and messages to announce.</summary>
    public AttachmentOptions Limits => _files.Limits;

    /// <summary>The customer's attachments, newest first; throws not-found when the actor cannot see the customer.</summary>
    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(Actor actor, int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }

        var newestFirst = db.CustomerAttachments.Where(a => a.CustomerId == customerId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        return await Rows(actor, newestFirst, await CanEditCustomerAsync(db, actor, customerId, cancellationToken)).ToListAsync(cancellationToken);
    }

    public async Task<AttachmentRow> GetAsync(Actor actor, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var customerId = await db.CustomerAttachments.Where(a => a.Id == attachmentId).Select(a => (int?)a.CustomerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(CustomerAttachment), attachmentId);
        return await Rows(actor, db.CustomerAttachments.Where(a => a.Id == attachmentId), await CanEditCustomerAsync(db, actor, customerId, cancellationToken))
            .SingleAsync(cancellationToken);
    }

    /// <inheritdoc cref="AttachmentFiles.RequireAcceptable"/>
    public void RequireAcceptable(string fileName, long size) => _files.RequireAcceptable(fileName, size);

    /// <summary>Stores a file with the customer. Nothing is kept of a refused file.</summary>
    public async Task<int> UploadAsync(
        Actor actor, int customerId, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        var uploaderId = actor.UserId ?? throw new ForbiddenException();
        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }

        var file = await _files.StoreAsync(fileName, contentType, content, cancellationToken);
        var attachment = new CustomerAttachment
        {
            CustomerId = customerId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Size,
            StorageKey = file.StorageKey,
            UploadedById = uploaderId,
        };
        db.CustomerAttachments.Add(attachment);
        await _files.SaveKeepingAsync(db, file, cancellationToken);

        return attachment.Id;
    }

    /// <summary>Opens an attachment the actor may see; any other answers not-found, as does a file missing from the folder.</summary>
    public async Task<AttachmentDownload> OpenAsync(Actor actor, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var attachment = await db.CustomerAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.Size, a.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        var content = (attachment is null ? null : _files.Open(attachment.StorageKey))
            ?? throw new RecordNotFoundException(nameof(CustomerAttachment), attachmentId);
        return new AttachmentDownload(content, attachment!.FileName, attachment.ContentType, attachment.Size);
    }

    /// <summary>Moves an attachment to the recycle bin; its file stays until the bin is purged.</summary>
    public async Task DeleteAsync(Actor actor, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var attachment = await db.CustomerAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(CustomerAttachment), attachmentId);
        if (attachment.UploadedById != actor.UserId)
        {
            await CustomerAccess.EditableAsync(db, actor, attachment.CustomerId, null, cancellationToken);
        }

        db.CustomerAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc cref="AttachmentFiles.DeleteFiles"/>
    internal void DeleteFiles(IEnumerable<string> storageKeys) => _files.DeleteFiles(storageKeys);

    private static Task<bool> CanEditCustomerAsync(SalesHubDbContext db, Actor actor, int customerId, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Id == customerId).AnyAsync(CustomerAccess.Editable(db, actor), cancellationToken);

    /// <summary>Attachments as rows; the uploader, and whoever may edit the customer, may delete one.</summary>
    private static IQueryable<AttachmentRow> Rows(Actor actor, IQueryable<CustomerAttachment> attachments, bool canEditCustomer)
    {
        var userId = actor.UserId;
        return attachments.AsNoTracking().Select(a => new AttachmentRow(
            a.Id, a.CustomerId, a.FileName, a.ContentType, a.Size, a.UploadedById, a.UploadedBy!.DisplayName, a.CreatedAt,
            canEditCustomer || a.UploadedById == userId));
    }
}
