using SalesHub.Core.Quoting;

namespace SalesHub.Core.Orders;

/// <summary>One line of an order, and how much of it has been shipped.</summary>
public sealed class OrderLine : PricedLine
{
    public int OrderId { get; private set; }

    public decimal ShippedQuantity { get; internal set; }

    public decimal RemainingQuantity => Quantity - ShippedQuantity;
}
