using SalesHub.Core.Records;

namespace SalesHub.Core.Customers;

/// <summary>
/// A record that belongs to one customer (a contact, an interaction, an attachment): whoever may
/// see the customer sees it, and a merge moves it to the surviving customer.
/// </summary>
public abstract class CustomerPart : TrackedRecord
{
    public int CustomerId { get; set; }

    public Customer? Customer { get; private set; }
}
