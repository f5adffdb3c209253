using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesHub.Core.Attachments;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Contracts;

public sealed record ContractAttachmentRow(
    int Id, int ContractId, string FileName, string ContentType, long Size, int UploadedById, string UploadedByName, DateTimeOffset UploadedAt, bool CanDelete);

/// <summary>
/// Files kept with a contract (the signed scan): whoever sees the contract lists and downloads them; whoever may
/// change it uploads and deletes them. Files are screened and stored like customer files (<see cref="AttachmentFiles"/>).
/// </summary>
public sealed class ContractAttachments(IDbContextFactory<SalesHubDbContext> dbFactory, IOptions<AttachmentOptions> options)
{
    private readonly AttachmentFiles _files = new(options.Value);

    public AttachmentOptions Limits => _files.Limits;

    public async Task<IReadOnlyList<ContractAttachmentRow>> ListAsync(Actor actor, int contractId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var canEdit = await CanEditAsync(db, actor, contractId, cancellationToken);
        return await db.ContractAttachments.AsNoTracking()
            .Where(a => a.ContractId == contractId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new ContractAttachmentRow(a.Id, a.ContractId, a.FileName, a.ContentType, a.Size, a.UploadedById, a.UploadedBy!.DisplayName, a.CreatedAt, canEdit))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc cref="AttachmentFiles.RequireAcceptable"/>
    public void RequireAcceptable(string fileName, long size) => _files.RequireAcceptable(fileName, size);

    /// <summary>Keeps a file with a contract the actor may change; nothing is kept of a refused file.</summary>
    public async Task<int> UploadAsync(
        Actor actor, int contractId, string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        var uploaderId = actor.UserId ?? throw new ForbiddenException();
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireEditableAsync(db, actor, contractId, cancellationToken);
        var file = await _files.StoreAsync(fileName, contentType, content, cancellationToken);
        var attachment = new ContractAttachment
        {
            ContractId = contractId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Size,
            StorageKey = file.StorageKey,
            UploadedById = uploaderId,
        };
        db.Add(attachment);
        await _files.SaveKeepingAsync(db, file, cancellationToken);

        return attachment.Id;
    }

    /// <summary>Opens a file of a contract the actor sees; any other answers not-found.</summary>
    public async Task<AttachmentDownload> OpenAsync(Actor actor, int contractId, int attachmentId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var attachment = await Visible(db, contractId).AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.Size, a.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        var content = (attachment is null ? null : _files.Open(attachment.StorageKey))
            ?? throw new RecordNotFoundException(nameof(ContractAttachment), attachmentId);
        return new AttachmentDownload(content, attachment!.FileName, attachment.ContentType, attachment.Size);
    }

    /// <summary>Moves a contract's file to the recycle bin; its file stays.</summary>
    public async Task DeleteAsync(Actor actor, int contractId, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireEditableAsync(db, actor, contractId, cancellationToken);
        var attachment = await db.ContractAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ContractId == contractId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(ContractAttachment), attachmentId);
        db.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The attachments of <paramref name="contractId"/> when the actor sees that contract; none otherwise.</summary>
    private static IQueryable<ContractAttachment> Visible(SalesHubDbContext db, int contractId) =>
        db.ContractAttachments.Where(a => a.ContractId == contractId && db.Contracts.Any(c => c.Id == contractId));

    private static async Task<bool> CanEditAsync(SalesHubDbContext db, Actor actor, int contractId, CancellationToken cancellationToken)
    {
        var ownerId = await db.Contracts.Where(c => c.Id == contractId).Select(c => (int?)c.OwnerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contract), contractId);
        return await Stewardship.MayEditAsync(db, actor, ownerId, cancellationToken);
    }

    private static async Task RequireEditableAsync(SalesHubDbContext db, Actor actor, int contractId, CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(db, actor, contractId, cancellationToken))
        {
            throw new ForbiddenException();
        }
    }
}
