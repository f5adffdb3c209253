using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Orders;

/// <summary>
/// A customer's order (订单), owned by a rep: made from an accepted quote (lines and prices copied as
/// they were) or entered directly, numbered by the company's order series. Its lifecycle rules live
/// here; its totals come from <see cref="QuotePricing"/>.
/// </summary>
public sealed class Order : PricedDocument<OrderLine>
{
    public const int NumberMaxLength = 30;
    public const int ReasonMaxLength = 1000;

    /// <summary>The accepted quote the order was made from; a quote becomes at most one order.</summary>
    public int? QuoteId { get; internal set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Draft;

    public DateOnly OrderDate { get; internal set; }

    /// <summary>The warehouse the order's stock is reserved in and shipped from.</summary>
    public int WarehouseId { get; internal set; } = Warehouse.MainId;

    public string? CancelReason { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>
    /// Goes up each time the order's payment plan is replaced (by <c>PaymentBook</c>, in SQL): a plan edited
    /// from an older one is refused, so two people planning at once cannot silently overwrite each other.
    /// </summary>
    public long PaymentPlanVersion { get; private set; }

    public bool IsEditable => Status == OrderStatus.Draft;

    /// <summary>Where the order may go from its status: the steps the order page offers, and the only ones the order takes.</summary>
    public bool CanConfirm => Status == OrderStatus.Draft;

    public bool CanShip => Status is OrderStatus.Confirmed or OrderStatus.PartiallyShipped;

    public bool CanComplete => Status == OrderStatus.Shipped;

    public bool CanCancel => Status is OrderStatus.Draft or OrderStatus.Confirmed;

    /// <summary>Whether the order may reserve stock its lines still lack: only while it is confirmed and not fully shipped.</summary>
    public bool CanReserveRemaining => Status is OrderStatus.Confirmed or OrderStatus.PartiallyShipped;

    internal void RequireEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException("Orders.ReadOnly") { Field = "status" };
        }
    }

    internal void RequireReservable()
    {
        if (!CanReserveRemaining)
        {
            throw new DomainException("Orders.NotReservable") { Field = "status" };
        }
    }

    internal void Confirm(DateTimeOffset now)
    {
        RequireStep(CanConfirm);
        if (Lines.Count == 0)
        {
            throw new DomainException("Orders.LinesRequired") { Field = "lines" };
        }

        (Status, ConfirmedAt) = (OrderStatus.Confirmed, now);
    }

    /// <summary>Ships the given quantities of lines, none more than is left of it; the order is Shipped when nothing is left.</summary>
    internal void Ship(IReadOnlyList<ShipmentLine> shipment)
    {
        RequireStep(CanShip);
        if (shipment.Count == 0)
        {
            throw new DomainException("Orders.ShipmentEmpty") { Field = "lines" };
        }

        for (var i = 0; i < shipment.Count; i++)
        {
            var (lineId, quantity) = shipment[i];
            var line = Lines.FirstOrDefault(l => l.Id == lineId)
                ?? throw new DomainException("Orders.UnknownLine") { Field = $"lines[{i}].lineId" };
            if (quantity <= 0m)
            {
                throw new DomainException("Orders.ShipQuantityPositive") { Field = $"lines[{i}].quantity" };
            }

            if (quantity > line.RemainingQuantity)
            {
                throw new DomainException("Orders.ShipMoreThanOrdered", line.RemainingQuantity) { Field = $"lines[{i}].quantity" };
            }

            line.ShippedQuantity += quantity;
        }

        Status = Lines.All(l => l.RemainingQuantity == 0m) ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
    }

    internal void Complete(DateTimeOffset now)
    {
        RequireStep(CanComplete);
        (Status, CompletedAt) = (OrderStatus.Completed, now);
    }

    /// <summary>Cancels an order nothing of which has been shipped, for a reason.</summary>
    internal void Cancel(string? reason, DateTimeOffset now)
    {
        if (Status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Completed)
        {
            throw new DomainException("Orders.CannotCancelShipped") { Field = "status" };
        }

        RequireStep(CanCancel);
        CancelReason = TextRules.Required(reason, ReasonMaxLength, "reason", "Orders.CancelReasonRequired");
        (Status, CancelledAt) = (OrderStatus.Cancelled, now);
    }

    private static void RequireStep(bool allowed)
    {
        if (!allowed)
        {
            throw new DomainException("Orders.InvalidTransition") { Field = "status" };
        }
    }
}
