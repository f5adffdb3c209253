namespace SalesHub.Core.Customers;

/// <summary>The "Attachments" configuration section: how large and of which types customer files may be, and where they are kept.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public static IReadOnlyList<string> DefaultExtensions { get; } =
        ["pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "rar", "7z"];

    /// <summary>The largest file accepted, in bytes (20 MB unless configured).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary><see cref="MaxBytes"/> as people read it, in megabytes to one decimal.</summary>
    public double MaxMegabytes => Math.Round(MaxBytes / 1024d / 1024d, 1);

    /// <summary>
    /// File name extensions accepted (without the dot); <see cref="DefaultExtensions"/> when not configured.
    /// Nullable because the configuration binder appends to a list it finds filled in.
    /// </summary>
    public string[]? AllowedExtensions { get; set; }

    /// <summary>Folder the files are kept in; "attachments" in the database's data directory when not configured. Never under wwwroot.</summary>
    public string? StorageDirectory { get; set; }

    public IReadOnlyList<string> Extensions =>
        AllowedExtensions is { Length: > 0 } configured
            ? [.. configured.Select(e => e.Trim().TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0)]
            : DefaultExtensions;
}
