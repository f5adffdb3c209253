using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Company;

/// <summary>The company settings as they stood at one version; immutable, shared by every reader.</summary>
public sealed record CompanySnapshot(CompanyDetails Details, bool HasLogo, long Version)
{
    public decimal MaxDiscountPercentFor(string? role) => Details.MaxDiscountPercentFor(role);

    public bool RequiresApproval(string? role, decimal discountPercent) => Details.RequiresApproval(role, discountPercent);
}

/// <summary>The company's logo, to send or to embed in a document.</summary>
public sealed record CompanyLogo(byte[] Content, string ContentType)
{
    /// <summary>The logo as a data: URI, for a document rendered without a request back to the app.</summary>
    public string ToDataUri() => $"data:{ContentType};base64,{Convert.ToBase64String(Content)}";
}

/// <summary>
/// Reads and changes the company settings. Everybody reads them (from memory: the copy is dropped
/// whenever the change feed reports the row saved, on this node or another); only an administrator
/// changes them. The logo is a PNG, JPEG or WebP image of at most <see cref="LogoMaxBytes"/>, recognised
/// by its bytes, kept in the attachment folder under a random key.
/// </summary>
public sealed class CompanySettings : IDisposable
{
    public const long LogoMaxBytes = 1024 * 1024;

    private static readonly string[] LogoExtensions = ["png", "jpg", "jpeg", "webp"];

    private readonly IDbContextFactory<SalesHubDbContext> _dbFactory;
    private readonly AttachmentOptions _options;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private Current? _current;
    private CachedLogo? _logo;
    private long _generation;

    public CompanySettings(IDbContextFactory<SalesHubDbContext> dbFactory, IOptions<AttachmentOptions> options, IChangeFeed changeFeed)
    {
        _dbFactory = dbFactory;
        _options = options.Value;
        _subscription = changeFeed.Subscribe(OnChangesAsync);
    }

    /// <summary>The logo types accepted, by file name extension.</summary>
    public static IReadOnlyList<string> AcceptedLogoExtensions => LogoExtensions;

    private string LogoFolder => _options.StorageDirectory is { Length: > 0 } folder
        ? Path.Combine(Path.GetFullPath(folder), "company")
        : throw new InvalidOperationException("Attachments:StorageDirectory is not set.");

    /// <summary>The current settings, from memory once read.</summary>
    public async Task<CompanySnapshot> GetAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Snapshot;

    /// <summary>The largest line discount <paramref name="role"/> may give without approval.</summary>
    public async Task<decimal> MaxDiscountPercentForAsync(string? role, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).MaxDiscountPercentFor(role);

    /// <summary>Whether a line discount of <paramref name="discountPercent"/> given by <paramref name="role"/> needs approval.</summary>
    public async Task<bool> RequiresApprovalAsync(string? role, decimal discountPercent, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).RequiresApproval(role, discountPercent);

    /// <summary>Changes the settings, based on <paramref name="expectedVersion"/>; administrators only.</summary>
    public async Task<CompanySnapshot> UpdateAsync(Actor actor, CompanyDetails changes, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using (var db = await _dbFactory.CreateForAsync(actor))
        {
            var profile = await EditableAsync(db, expectedVersion, cancellationToken);
            profile.Describe(changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses, before any byte is sent, a logo whose name or announced size cannot be accepted;
    /// <see cref="UploadLogoAsync"/> checks the bytes themselves.
    /// </summary>
    public static void RequireAcceptableLogo(string fileName, long size)
    {
        var extension = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        if (!LogoExtensions.Contains(extension))
        {
            throw LogoRefusal("Company.LogoTypeNotAllowed", string.Join(", ", LogoExtensions));
        }

        if (size <= 0)
        {
            throw LogoRefusal("Company.LogoEmpty");
        }

        if (size > LogoMaxBytes)
        {
            throw LogoRefusal("Company.LogoTooLarge", LogoMaxBytes / 1024 / 1024);
        }
    }

    /// <summary>Replaces the logo; administrators only. Nothing is kept of a refused file, and the old file goes once the new one is saved.</summary>
    public async Task<CompanySnapshot> UploadLogoAsync(Actor actor, string fileName, Stream content, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        RequireAcceptableLogo(fileName, 1);
        var bytes = await ReadLogoAsync(content, cancellationToken);
        var contentType = ImageTypeOf(bytes) ?? throw LogoRefusal("Company.LogoTypeNotAllowed", string.Join(", ", LogoExtensions));

        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        Directory.CreateDirectory(LogoFolder);
        var path = Path.Combine(LogoFolder, key);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        try
        {
            await ReplaceLogoAsync(actor, key, contentType, expectedVersion, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return await GetAsync(cancellationToken);
    }

    /// <summary>Removes the logo; administrators only.</summary>
    public async Task<CompanySnapshot> RemoveLogoAsync(Actor actor, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await ReplaceLogoAsync(actor, null, null, expectedVersion, cancellationToken);
        return await GetAsync(cancellationToken);
    }

    /// <summary>The logo's bytes and type, or null when there is none (or its file is gone).</summary>
    public async Task<CompanyLogo?> GetLogoAsync(CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current.LogoKey is not { } key || current.LogoContentType is not { } contentType)
        {
            return null;
        }

        if (Volatile.Read(ref _logo) is { } cached && cached.Key == key)
        {
            return cached.Logo;
        }

        var path = Path.Combine(LogoFolder, key);
        if (!IsStorageKey(key) || !File.Exists(path))
        {
            return null;
        }

        var logo = new CompanyLogo(await File.ReadAllBytesAsync(path, cancellationToken), contentType);
        Volatile.Write(ref _logo, new CachedLogo(key, logo));
        return logo;
    }

    public void Dispose() => _subscription.Dispose();

    private async Task ReplaceLogoAsync(Actor actor, string? key, string? contentType, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateForAsync(actor);
        var profile = await EditableAsync(db, expectedVersion, cancellationToken);
        var previous = profile.LogoKey;
        profile.UseLogo(key, contentType);
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null && previous != key && IsStorageKey(previous))
        {
            try
            {
                File.Delete(Path.Combine(LogoFolder, previous));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The row no longer names it: a file left behind is unreachable.
            }
        }
    }

    private async Task<Current> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        var generation = Interlocked.Read(ref _generation);
        await using var db = await _dbFactory.CreateForAsync(Actor.System);
        var profile = await db.CompanyProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == CompanyProfile.SingletonId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(CompanyProfile), CompanyProfile.SingletonId);
        current = new Current(new CompanySnapshot(profile.Details, profile.LogoKey is not null, profile.Version), profile.LogoKey, profile.LogoContentType);
        lock (_lock)
        {
            // A change reported while reading makes what was read stale: keep it for this caller only.
            if (_generation == generation)
            {
                _current = current;
            }
        }

        return current;
    }

    private Task OnChangesAsync(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Any(c => c.EntityType == nameof(CompanyProfile)))
        {
            lock (_lock)
            {
                _generation++;
                _current = null;
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<CompanyProfile> EditableAsync(SalesHubDbContext db, long expectedVersion, CancellationToken cancellationToken)
    {
        var profile = await db.CompanyProfiles.SingleOrDefaultAsync(p => p.Id == CompanyProfile.SingletonId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(CompanyProfile), CompanyProfile.SingletonId);
        db.Entry(profile).Property(p => p.Version).OriginalValue = expectedVersion;
        return profile;
    }

    /// <summary>Reads the whole upload into memory, stopping as soon as it is larger than a logo may be.</summary>
    private static async Task<byte[]> ReadLogoAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > LogoMaxBytes)
            {
                throw LogoRefusal("Company.LogoTooLarge", LogoMaxBytes / 1024 / 1024);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? throw LogoRefusal("Company.LogoEmpty") : buffer.ToArray();
    }

    /// <summary>The image type the bytes start like, whatever the file was called; null when they are none of the accepted ones.</summary>
    private static string? ImageTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static bool IsStorageKey(string key) => key.Length == 32 && key.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    private static DomainException LogoRefusal(string code, params object?[] arguments) => new(code, arguments) { Field = "logo" };

    private sealed record Current(CompanySnapshot Snapshot, string? LogoKey, string? LogoContentType);

    private sealed record CachedLogo(string Key, CompanyLogo Logo);
}
