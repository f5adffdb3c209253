using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>A file kept with a customer (a contract scan, a business licence). The bytes live in the attachment store.</summary>
public sealed class CustomerAttachment : CustomerPart
{
    public const int FileNameMaxLength = 255;

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    /// <summary>The file's name inside the attachment store; never derived from what the user sent.</summary>
    public required string StorageKey { get; init; }

    public int UploadedById { get; set; }

    public AppUser? UploadedBy { get; private set; }
}
