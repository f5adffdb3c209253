namespace SalesHub.Core.Records;

/// <summary>
/// Base of the records a sales team works on (customers, deals, orders…): owned, versioned,
/// audited and soft-deleted. The database context applies visibility and recycle-bin filters to
/// every type deriving from it.
/// </summary>
public abstract class BusinessRecord : IOwned, IVersioned, IAudited, ISoftDeletable
{
    public int Id { get; private set; }

    public int OwnerId { get; private set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public int? DeletedById { get; set; }

    public void AssignTo(int ownerId)
    {
        if (ownerId <= 0)
        {
            throw new Errors.DomainException("Records.OwnerRequired") { Field = "ownerId" };
        }

        OwnerId = ownerId;
    }
}
