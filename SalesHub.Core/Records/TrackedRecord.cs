namespace SalesHub.Core.Records;

/// <summary>
/// A record people enter and edit: versioned, audited, timestamped and soft-deleted. Who may see
/// it is decided by its subclass: <see cref="BusinessRecord"/> by its owner, a customer's parts
/// (contacts, interactions…) by their customer.
/// </summary>
public abstract class TrackedRecord : IVersioned, IAudited, ISoftDeletable
{
    public int Id { get; private set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public int? DeletedById { get; set; }
}
