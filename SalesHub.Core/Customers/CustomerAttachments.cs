using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
public sealed partial class CustomerAttachments(IDbContextFactory<SalesHubDbContext> dbFactory, IOptions<AttachmentOptions> options)
{
    private const int BufferSize = 81920;

    // The first bytes of programs: Windows PE ("MZ"), ELF, Mach-O (32/64-bit, both byte orders,
    // universal) and scripts with an interpreter line. Four bytes decide every one of them.
    private static readonly byte[][] ExecutableMagics =
    [
        "MZ"u8.ToArray(), [0x7F, (byte)'E', (byte)'L', (byte)'F'],
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE],
        "#!"u8.ToArray(),
    ];

    private static readonly int HeaderLength = ExecutableMagics.Max(m => m.Length);

    // Sent back with the file: decided by the extension we allowed, not by what the browser claimed.
    private static readonly Dictionary<string, string> KnownContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["txt"] = "text/plain",
        ["csv"] = "text/csv",
        ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xls"] = "application/vnd.ms-excel",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["zip"] = "application/zip",
        ["rar"] = "application/vnd.rar",
        ["7z"] = "application/x-7z-compressed",
    };

    private readonly AttachmentOptions _options = options.Value;

    /// <summary>The size and type limits uploads are held to, for pickers and messages to announce.</summary>
    public AttachmentOptions Limits => _options;

    private string Folder => _options.StorageDirectory is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : throw new InvalidOperationException("Attachments:StorageDirectory is not set.");

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

    /// <summary>
    /// Refuses, before any byte is sent, a file whose name or announced size cannot be accepted;
    /// <see cref="UploadAsync"/> checks the bytes themselves again.
    /// </summary>
    public void RequireAcceptable(string fileName, long size)
    {
        CleanFileName(fileName);
        if (size <= 0)
        {
            throw Refusal("Attachments.Empty");
        }

        if (size > _options.MaxBytes)
        {
            throw TooLarge();
        }
    }

    /// <summary>Stores a file with the customer. Nothing is kept of a refused file.</summary>
    public async Task<int> UploadAsync(
        Actor actor, int customerId, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        var uploaderId = actor.UserId ?? throw new ForbiddenException();
        var name = CleanFileName(fileName);
        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }

        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var path = PathOf(key);
        var size = await StoreAsync(content, path, cancellationToken);
        var attachment = new CustomerAttachment
        {
            CustomerId = customerId,
            FileName = name,
            ContentType = ContentTypeOf(name, contentType),
            Size = size,
            StorageKey = key,
            UploadedById = uploaderId,
        };
        db.CustomerAttachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

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
        if (attachment is null || !IsStorageKey(attachment.StorageKey) || !File.Exists(PathOf(attachment.StorageKey)))
        {
            throw new RecordNotFoundException(nameof(CustomerAttachment), attachmentId);
        }

        var content = new FileStream(PathOf(attachment.StorageKey), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new AttachmentDownload(content, attachment.FileName, attachment.ContentType, attachment.Size);
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

    /// <summary>
    /// Erases the files of attachments purged from the database (the caller has removed their rows
    /// and decided who may). Keys that are not storage keys are ignored.
    /// </summary>
    internal void DeleteFiles(IEnumerable<string> storageKeys)
    {
        foreach (var path in storageKeys.Where(IsStorageKey).Select(PathOf).Where(File.Exists))
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The rows are gone already: a file left behind is unreachable, and the purge stands.
            }
        }
    }

    /// <summary>
    /// Copies the upload to a temporary file in the attachment folder, counting bytes and stopping
    /// as soon as there are too many, then moves it to <paramref name="path"/>. Returns the size.
    /// </summary>
    private async Task<long> StoreAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            long size = 0;
            var header = new byte[HeaderLength];
            var headerLength = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > _options.MaxBytes)
                    {
                        throw TooLarge();
                    }

                    if (headerLength < HeaderLength)
                    {
                        var count = Math.Min(read, HeaderLength - headerLength);
                        buffer.AsSpan(0, count).CopyTo(header.AsSpan(headerLength));
                        headerLength += count;
                        RefuseExecutable(header.AsSpan(0, headerLength));
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                throw Refusal("Attachments.Empty");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path);
            return size;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Refuses content that starts like a program, as soon as the first bytes show it.</summary>
    private static void RefuseExecutable(ReadOnlySpan<byte> header)
    {
        foreach (var magic in ExecutableMagics)
        {
            if (header.StartsWith(magic))
            {
                throw Refusal("Attachments.Executable");
            }
        }
    }

    /// <summary>The name without any folder part or control characters, at most 255 characters, with an allowed extension.</summary>
    private string CleanFileName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0)
        {
            throw Refusal("Attachments.Empty");
        }

        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        if (extension.Length == 0 || !_options.Extensions.Contains(extension))
        {
            throw Refusal("Attachments.TypeNotAllowed", string.Join(", ", _options.Extensions));
        }

        if (name.Length > CustomerAttachment.FileNameMaxLength)
        {
            var stemLength = CustomerAttachment.FileNameMaxLength - extension.Length - 1;
            if (char.IsHighSurrogate(name[stemLength - 1]))
            {
                stemLength--;
            }

            name = name[..stemLength] + "." + extension;
        }

        return name;
    }

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

    private static string ContentTypeOf(string fileName, string? declared) =>
        KnownContentTypes.TryGetValue(Path.GetExtension(fileName).TrimStart('.'), out var known) ? known
        : declared is { Length: <= 100 } && MediaType().IsMatch(declared) ? declared.ToLowerInvariant()
        : "application/octet-stream";

    private string PathOf(string storageKey) => Path.Combine(Folder, storageKey[..2], storageKey);

    private static bool IsStorageKey(string key) => key.Length == 32 && key.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    private DomainException TooLarge() => Refusal("Attachments.TooLarge", _options.MaxMegabytes);

    private static DomainException Refusal(string code, params object?[] arguments) => new(code, arguments) { Field = "file" };

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*$")]
    private static partial Regex MediaType();
}
