namespace SalesHub.Core.Inventory;

/// <summary>A quantity of one product in one warehouse: a line to reserve, release or ship.</summary>
public sealed record StockLine(int ProductId, int WarehouseId, decimal Quantity);

/// <summary>What confirming an order does when a line cannot be reserved in full (a company setting).</summary>
public enum ReservationMode
{
    /// <summary>Every line in full, or nothing at all.</summary>
    AllOrNothing,

    /// <summary>What is available of each line, possibly less (or none); the rest can be reserved later.</summary>
    Partial,
}

/// <summary>How much of a line a reservation could hold.</summary>
public sealed record ReservedLine(int ProductId, int WarehouseId, decimal Requested, decimal Reserved)
{
    public bool IsComplete => Reserved == Requested;
}

/// <summary>Goods that came in.</summary>
public sealed record StockReceipt(int ProductId, int WarehouseId, decimal Quantity, string? Note = null);

/// <summary>A correction of on-hand stock after a count: <see cref="Change"/> up (+) or down (−), with the reason.</summary>
public sealed record StockAdjustment(int ProductId, int WarehouseId, decimal Change, string Reason, string? Note = null);

/// <summary>Stock moved from one warehouse to another.</summary>
public sealed record StockTransfer(int ProductId, int FromWarehouseId, int ToWarehouseId, decimal Quantity, string? Note = null);
