namespace SalesHub.Core.Inventory;

/// <summary>
/// What the stock page asks for: products matching <see cref="Search"/> (SKU or name), in one
/// warehouse or every active one, optionally only those at or below their reorder point.
/// </summary>
public sealed record StockLevelQuery
{
    public string? Search { get; init; }

    public int? WarehouseId { get; init; }

    public bool LowStockOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>
/// One product in one warehouse. <see cref="IsLow"/> is the product's: its available stock over all
/// active warehouses (<see cref="ProductAvailable"/>) is at or below its reorder point.
/// </summary>
public sealed record StockLevelRow(
    int ProductId,
    string Sku,
    string? NameEn,
    string? NameZh,
    string Unit,
    int WarehouseId,
    string WarehouseCode,
    decimal OnHand,
    decimal Reserved,
    decimal Available,
    decimal ProductAvailable,
    decimal? ReorderPoint)
{
    public bool IsLow => ReorderPoint is { } point && ProductAvailable <= point;
}

/// <summary>A product at or below its reorder point, with its available stock over all active warehouses.</summary>
public sealed record LowStockRow(int ProductId, string Sku, string? NameEn, string? NameZh, string Unit, decimal Available, decimal ReorderPoint);

/// <summary>One ledger row as a product's movement history shows it; <see cref="UserName"/> is who booked it.</summary>
public sealed record StockMovementRow(
    int Id,
    StockMovementKind Kind,
    int ProductId,
    int WarehouseId,
    string WarehouseCode,
    decimal OnHandChange,
    decimal ReservedChange,
    int? OrderId,
    int? OtherWarehouseId,
    string? OtherWarehouseCode,
    string? Reason,
    string? Note,
    string? UserName,
    DateTimeOffset OccurredAt);

/// <summary>A warehouse as lists, forms and the API show it.</summary>
public sealed record WarehouseRow(int Id, string Code, string NameEn, string NameZh, bool IsActive, long Version)
{
    /// <summary>The warehouse's name in the reader's language: Chinese for zh-*, English otherwise.</summary>
    public string NameIn(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

/// <summary>What can be promised of a product that tracks stock: <see cref="Available"/> over all active warehouses, and per warehouse.</summary>
public sealed record ProductAvailability(int ProductId, decimal Available, IReadOnlyList<WarehouseAvailability> Warehouses);

/// <summary>Available stock (on hand less reserved) of a product in one warehouse.</summary>
public sealed record WarehouseAvailability(int WarehouseId, string WarehouseCode, decimal Available);
