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
public sealed record OrderView(Order Order, QuoteTotals Totals, bool CanEdit)
{
    /// <summary>The lines whose products track stock: only they hold (or lack) a reservation.</summary>
    public IReadOnlySet<int> StockedLineIds { get; init; } = new HashSet<int>();

    /// <summary>How much stock a line still lacks for what is left to ship; nothing for a service or an order that holds no stock.</summary>
    public decimal ShortOf(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Order.CanReserveRemaining && StockedLineIds.Contains(line.Id) ? Math.Max(0m, line.UnreservedQuantity) : 0m;
    }

    /// <summary>Whether a stocked line lacks stock that "reserve the rest" could take.</summary>
    public bool IsShort => Order.Lines.Any(l => ShortOf(l) > 0m);
}

/// <summary>
/// One stocked line after reserving the rest: its place among the order's lines, what is left to ship of
/// it, what it holds now and what this call added.
/// </summary>
public sealed record LineReservation(int LineId, int Index, string Sku, decimal Remaining, decimal Reserved, decimal Added)
{
    public decimal Short => Remaining - Reserved;
}

/// <summary>What reserving the rest of an order did: per stocked line, and in all.</summary>
public sealed record RemainingReservation(IReadOnlyList<LineReservation> Lines)
{
    /// <summary>How much this call reserved, over all lines; 0 when there was nothing more to take.</summary>
    public decimal Added => Lines.Sum(l => l.Added);

    /// <summary>Whether every stocked line now holds all that is left to ship of it.</summary>
    public bool Complete => Lines.All(l => l.Short <= 0m);
}
