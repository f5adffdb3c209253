namespace SalesHub.Core.Inventory;

/// <summary>
/// On-hand and reserved stock of one product in one warehouse: the ledger's rows summed, kept in step
/// with each movement in the same transaction by conditional updates in SQL (see <see cref="StockLedger"/>),
/// never read, changed in memory and written back. Available is on hand less reserved; a check
/// constraint keeps 0 ≤ reserved ≤ on hand whatever writes it.
/// </summary>
public sealed class StockBalance
{
    public int ProductId { get; private set; }

    public int WarehouseId { get; private set; }

    public decimal OnHand { get; private set; }

    public decimal Reserved { get; private set; }
}

/// <summary>
/// What one order holds of one product in one warehouse. Shipping and releasing take from it with a
/// conditional update, so an order never ships or gives back more than it holds, even when two requests race.
/// </summary>
public sealed class StockReservation
{
    public int OrderId { get; private set; }

    public int ProductId { get; private set; }

    public int WarehouseId { get; private set; }

    public decimal Quantity { get; private set; }
}
