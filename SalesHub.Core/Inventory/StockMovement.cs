using SalesHub.Core.Records;

namespace SalesHub.Core.Inventory;

/// <summary>What a stock movement is (出入库), and so what it does to on-hand and reserved stock.</summary>
public enum StockMovementKind
{
    /// <summary>Goods came in: on hand up.</summary>
    Receipt,

    /// <summary>Goods left for an order: on hand and that order's reservation down.</summary>
    Shipment,

    /// <summary>A count corrected on hand, up or down, with a reason.</summary>
    Adjustment,

    /// <summary>The leaving half of a transfer: on hand down here, the same quantity comes in at <see cref="StockMovement.OtherWarehouseId"/>.</summary>
    TransferOut,

    /// <summary>The arriving half of a transfer: on hand up here, from <see cref="StockMovement.OtherWarehouseId"/>.</summary>
    TransferIn,

    /// <summary>Held for an order (预留): reserved up, available down.</summary>
    Reservation,

    /// <summary>An order's reservation given back: reserved down, available up.</summary>
    Release,
}

/// <summary>
/// One line of the stock ledger. Rows are only ever added, never changed or deleted: the balances
/// (<see cref="StockBalance"/>) are these rows summed, kept up to date in the same transaction as each row.
/// A movement records its effect as signed changes of on-hand and reserved stock, so the ledger sums to
/// the balances whatever the kind.
/// </summary>
public sealed class StockMovement : IRecord
{
    public const int ReasonMaxLength = 200;
    public const int NoteMaxLength = 500;

    public int Id { get; private set; }

    public int ProductId { get; internal init; }

    public int WarehouseId { get; internal init; }

    public StockMovementKind Kind { get; internal init; }

    /// <summary>How on-hand stock changed: + in, − out.</summary>
    public decimal OnHandChange { get; internal init; }

    /// <summary>How reserved stock changed: + held, − released or shipped.</summary>
    public decimal ReservedChange { get; internal init; }

    /// <summary>The order the stock was reserved, released or shipped for (a plain number: orders keep their own rows).</summary>
    public int? OrderId { get; internal init; }

    /// <summary>For a transfer's halves: the warehouse at the other end.</summary>
    public int? OtherWarehouseId { get; internal init; }

    /// <summary>Why an adjustment was made (required for adjustments, empty otherwise).</summary>
    public string? Reason { get; internal init; }

    public string? Note { get; internal init; }

    public int? UserId { get; internal set; }

    public DateTimeOffset OccurredAt { get; internal set; }
}
