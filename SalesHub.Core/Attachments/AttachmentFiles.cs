using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Attachments;

/// <summary>A file accepted into the store: its clean name, the type to send it under, its size and its random key.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string StorageKey);

/// <summary>
/// The attachment folder every kind of record keeps its files in (customers, contracts). A file is screened
/// (not empty, not too large, an allowed extension, no executable content whatever its name) and kept outside
/// the web root under a random key, never under the name the user sent.
/// </summary>
public sealed partial class AttachmentFiles(AttachmentOptions options)
{
    public const int FileNameMaxLength = 255;

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

    /// <summary>The size and type limits uploads are held to, for pickers and messages to announce.</summary>
    public AttachmentOptions Limits => options;

    private string Folder => options.StorageDirectory is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : throw new InvalidOperationException("Attachments:StorageDirectory is not set.");

    /// <summary>
    /// Refuses, before any byte is sent, a file whose name or announced size cannot be accepted;
    /// <see cref="StoreAsync"/> checks the bytes themselves again.
    /// </summary>
    public void RequireAcceptable(string fileName, long size)
    {
        CleanFileName(fileName);
        if (size <= 0)
        {
            throw Refusal("Attachments.Empty");
        }

        if (size > options.MaxBytes)
        {
            throw TooLarge();
        }
    }

    /// <summary>
    /// Screens and keeps <paramref name="content"/> under a new random key. A refused file leaves nothing behind;
    /// the caller saves the record that keeps it with <see cref="SaveKeepingAsync"/>.
    /// </summary>
    public async Task<StoredFile> StoreAsync(string fileName, string? contentType, Stream content, CancellationToken cancellationToken)
    {
        var name = CleanFileName(fileName);
        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var size = await CopyAsync(content, PathOf(key), cancellationToken);
        return new StoredFile(name, ContentTypeOf(name, contentType), size, key);
    }

    /// <summary>Opens a stored file, or null when the key is not a storage key or its file is missing.</summary>
    public FileStream? Open(string storageKey) =>
        IsStorageKey(storageKey) && File.Exists(PathOf(storageKey))
            ? new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;

    /// <summary>Saves <paramref name="db"/>'s unit of work, which adds the record keeping <paramref name="file"/>; when the save fails the file goes too.</summary>
    public async Task SaveKeepingAsync(DbContext db, StoredFile file, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (IsStorageKey(file.StorageKey))
            {
                File.Delete(PathOf(file.StorageKey));
            }

            throw;
        }
    }

    /// <summary>
    /// Erases the files of attachments purged from the database (the caller has removed their rows
    /// and decided who may). Keys that are not storage keys are ignored.
    /// </summary>
    public void DeleteFiles(IEnumerable<string> storageKeys)
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
    private async Task<long> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
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
                    if (size > options.MaxBytes)
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
        if (extension.Length == 0 || !options.Extensions.Contains(extension))
        {
            throw Refusal("Attachments.TypeNotAllowed", string.Join(", ", options.Extensions));
        }

        if (name.Length > FileNameMaxLength)
        {
            var stemLength = FileNameMaxLength - extension.Length - 1;
            if (char.IsHighSurrogate(name[stemLength - 1]))
            {
                stemLength--;
            }

            name = name[..stemLength] + "." + extension;
        }

        return name;
    }

    private static string ContentTypeOf(string fileName, string? declared) =>
        KnownContentTypes.TryGetValue(Path.GetExtension(fileName).TrimStart('.'), out var known) ? known
        : declared is { Length: <= 100 } && MediaType().IsMatch(declared) ? declared.ToLowerInvariant()
        : "application/octet-stream";

    private string PathOf(string storageKey) => Path.Combine(Folder, storageKey[..2], storageKey);

    private static bool IsStorageKey(string key) => key.Length == 32 && key.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    private DomainException TooLarge() => Refusal("Attachments.TooLarge", options.MaxMegabytes);

    private static DomainException Refusal(string code, params object?[] arguments) => new(code, arguments) { Field = "file" };

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*$")]
    private static partial Regex MediaType();
}
