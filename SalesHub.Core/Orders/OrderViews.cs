using SalesHub.Core.Quoting;

namespace SalesHub.Core.Orders;

/// <summary>What a rep enters for an order made directly, not from a quote.</summary>
public sealed record OrderDraft(
    int CustomerId,
    int? ContactId,
    string Language,
    IReadOnlyList<QuoteLineInput> Lines,
    decimal DiscountPercent = 0m,
    decimal DiscountAmount = 0m,
    string? Notes = null,
    DateOnly? OrderDate = null,
    int? WarehouseId = null);

/// <summary>A quantity of one order line leaving the warehouse.</summary>
public sealed record ShipmentLine(int LineId, decimal Quantity);

public sealed record OrderQuery : DocumentQuery
{
    public OrderStatus? Status { get; init; }

    /// <summary>The order made from one quote.</summary>
    public int? QuoteId { get; init; }
}

/// <summary>An order in lists, with its stored totals.</summary>
public sealed record OrderRow(
    int Id, string Number, int CustomerId, string CustomerName, int OwnerId, OrderStatus Status, DateOnly OrderDate, decimal Total, int? QuoteId, DateTimeOffset UpdatedAt);

/// <summary>An order with its lines and the totals <see cref="QuotePricing"/> computes for them, and whether the viewer may change it.</summary>
public sealed record OrderView(Order Order, QuoteTotals Totals, bool CanEdit);
