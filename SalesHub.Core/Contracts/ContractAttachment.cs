using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Contracts;

/// <summary>A file kept with a contract, such as its signed scan. Seen exactly when its contract is; the bytes live in the attachment store.</summary>
public sealed class ContractAttachment : TrackedRecord
{
    public int ContractId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    /// <summary>The file's name inside the attachment store; never derived from what the user sent.</summary>
    public required string StorageKey { get; init; }

    public int UploadedById { get; init; }

    public AppUser? UploadedBy { get; private set; }
}
