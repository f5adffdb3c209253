namespace SalesHub.Core.Orders;

/// <summary>Where an order (订单) is: Draft → Confirmed → PartiallyShipped → Shipped → Completed, or Cancelled.</summary>
public enum OrderStatus
{
    Draft,
    Confirmed,
    PartiallyShipped,
    Shipped,
    Completed,
    Cancelled,
}
