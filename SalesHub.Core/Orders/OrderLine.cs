using SalesHub.Core.Quoting;

namespace SalesHub.Core.Orders;

/// <summary>One line of an order, how much of it has been shipped and how much stock it holds.</summary>
public sealed class OrderLine : PricedLine
{
    public int OrderId { get; private set; }

    public decimal ShippedQuantity { get; internal set; }

    public decimal RemainingQuantity => Quantity - ShippedQuantity;

    /// <summary>What the order holds in stock for this line now: reserved on confirmation, less what has shipped of it; nothing for a service.</summary>
    public decimal ReservedQuantity { get; internal set; }

    /// <summary>What is left to ship that the line does not hold yet: short of stock, when the product tracks stock.</summary>
    public decimal UnreservedQuantity => RemainingQuantity - ReservedQuantity;
}
