namespace SalesHub.Core.Records;

/// <summary>
/// Base of the records a sales team owns (customers, deals, orders…). The database context
/// applies the visibility and recycle-bin filters to every type deriving from it.
/// </summary>
public abstract class BusinessRecord : TrackedRecord
{
    public int OwnerId { get; private set; }

    public void AssignTo(int ownerId)
    {
        if (ownerId <= 0)
        {
            throw new Errors.DomainException("Records.OwnerRequired") { Field = "ownerId" };
        }

        OwnerId = ownerId;
    }
}
