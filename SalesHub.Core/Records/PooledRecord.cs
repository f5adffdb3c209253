namespace SalesHub.Core.Records;

/// <summary>
/// A record a sales team owns, or nobody yet: without an owner it lies in the shared pool (公海),
/// which every signed-in user sees and from which a rep may take it. Owned, it is seen like a
/// <see cref="BusinessRecord"/>: by its owner, the owner's team manager, administrators and shares.
/// </summary>
public abstract class PooledRecord : TrackedRecord
{
    public int? OwnerId { get; private set; }

    public bool IsPooled => OwnerId is null;

    public void AssignTo(int ownerId)
    {
        if (ownerId <= 0)
        {
            throw new Errors.DomainException("Records.OwnerRequired") { Field = "ownerId" };
        }

        OwnerId = ownerId;
    }

    public void ReturnToPool() => OwnerId = null;
}
