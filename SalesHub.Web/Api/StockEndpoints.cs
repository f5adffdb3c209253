using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>The stock list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;warehouseId=&amp;lowStock=</c>.</summary>
public sealed record StockListParameters(int? Page, int? PageSize, string? Search, int? WarehouseId, bool? LowStock)
{
    public StockLevelQuery ToQuery()
    {
        var defaults = new StockLevelQuery();
        return new StockLevelQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            WarehouseId = WarehouseId,
            LowStockOnly = LowStock ?? false,
        };
    }
}

/// <summary>Goods that came in.</summary>
public sealed record StockReceiptRequest(int? ProductId, int? WarehouseId, decimal? Quantity, string? Note)
{
    public StockReceipt ToReceipt() => new(
        RequiredField.Of(ProductId, "productId"), WarehouseId ?? Warehouse.MainId, RequiredField.Of(Quantity, "quantity"), Note);
}

/// <summary>A count correction: <c>change</c> up (+) or down (−), with a reason.</summary>
public sealed record StockAdjustmentRequest(int? ProductId, int? WarehouseId, decimal? Change, string? Reason, string? Note)
{
    public StockAdjustment ToAdjustment() => new(
        RequiredField.Of(ProductId, "productId"), WarehouseId ?? Warehouse.MainId, RequiredField.Of(Change, "change"), Reason ?? "", Note);
}

/// <summary>Stock moved between two warehouses.</summary>
public sealed record StockTransferRequest(int? ProductId, int? FromWarehouseId, int? ToWarehouseId, decimal? Quantity, string? Note)
{
    public StockTransfer ToTransfer() => new(
        RequiredField.Of(ProductId, "productId"), RequiredField.Of(FromWarehouseId, "fromWarehouseId"), RequiredField.Of(ToWarehouseId, "toWarehouseId"),
        RequiredField.Of(Quantity, "quantity"), Note);
}

/// <summary>A product's reorder point (null for none), based on the product's version last read.</summary>
public sealed record ReorderPointRequest(decimal? ReorderPoint, long? Version);

/// <summary>A warehouse as the caller fills it in; on a change, based on the version last read.</summary>
public sealed record WarehouseRequest(string? Code, string? NameEn, string? NameZh, bool? IsActive, long? Version)
{
    public WarehouseDetails ToDetails() => new(Code ?? "", NameEn ?? "", NameZh ?? "", IsActive ?? true);
}

/// <summary>The id of what a POST created: the ledger row a booking wrote (for a transfer, its leaving half), or a warehouse.</summary>
public sealed record CreatedId(int Id);

internal static class StockEndpoints
{
    public static void MapStockEndpoints(this RouteGroupBuilder api)
    {
        var stock = api.MapGroup("/stock").WithTags("Stock");

        stock.MapGet("/", (
            [AsParameters] StockListParameters parameters, ClaimsPrincipal user, StockLevels levels, CancellationToken cancellationToken) =>
            levels.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken))
            .WithName("ListStockLevels")
            .WithSummary("On hand, reserved and available stock per product and warehouse, by SKU; search SKU and names; lowStock=true for products at or below their reorder point.")
            .Produces<Page<StockLevelRow>>()
            .ProducesValidationProblem();

        stock.MapGet("/low", (int? page, int? pageSize, ClaimsPrincipal user, StockLevels levels, CancellationToken cancellationToken) =>
            levels.LowStockAsync(Actor.From(user), page ?? 1, pageSize ?? 50, cancellationToken))
            .WithName("ListLowStock")
            .WithSummary("Products whose available stock is at or below their reorder point, the emptiest first.")
            .Produces<Page<LowStockRow>>()
            .ProducesValidationProblem();

        stock.MapGet("/movements", (
            int? productId, int? warehouseId, int? page, int? pageSize, ClaimsPrincipal user, StockLevels levels, CancellationToken cancellationToken) =>
            levels.MovementsAsync(Actor.From(user), RequiredField.Of(productId, "productId"), warehouseId, page ?? 1, pageSize ?? 50, cancellationToken))
            .WithName("ListStockMovements")
            .WithSummary("A product's stock movements, newest first, in every warehouse or one.")
            .Produces<Page<StockMovementRow>>()
            .ProducesValidationProblem();

        stock.MapPost("/receipts", async (StockReceiptRequest request, ClaimsPrincipal user, StockLedger ledger, CancellationToken cancellationToken) =>
            Booked(await ledger.ReceiveAsync(Actor.From(user), request.ToReceipt(), cancellationToken), request.ProductId))
            .WithName("ReceiveStock")
            .WithSummary("Books goods in (managers and administrators); the warehouse defaults to the main one.")
            .ProducesCreatedByManager();

        stock.MapPost("/adjustments", async (StockAdjustmentRequest request, ClaimsPrincipal user, StockLedger ledger, CancellationToken cancellationToken) =>
            Booked(await ledger.AdjustAsync(Actor.From(user), request.ToAdjustment(), cancellationToken), request.ProductId))
            .WithName("AdjustStock")
            .WithSummary("Corrects on-hand stock with a reason (managers and administrators); never below what orders have reserved.")
            .ProducesCreatedByManager();

        stock.MapPost("/transfers", async (StockTransferRequest request, ClaimsPrincipal user, StockLedger ledger, CancellationToken cancellationToken) =>
            Booked(await ledger.TransferAsync(Actor.From(user), request.ToTransfer(), cancellationToken), request.ProductId))
            .WithName("TransferStock")
            .WithSummary("Moves available stock between warehouses (managers and administrators).")
            .ProducesCreatedByManager();

        stock.MapPut("/reorder-points/{productId:int}", async (
            int productId, ReorderPointRequest request, ClaimsPrincipal user, StockLedger ledger, CancellationToken cancellationToken) =>
        {
            await ledger.SetReorderPointAsync(Actor.From(user), productId, request.ReorderPoint, RequiredField.Of(request.Version, "version"), cancellationToken);
            return TypedResults.NoContent();
        })
            .WithName("SetReorderPoint")
            .WithSummary("Sets a product's reorder point, or none (managers and administrators); a stale product version is refused with 409.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        stock.MapGet("/warehouses", (bool? includeInactive, ClaimsPrincipal user, Warehouses warehouses, CancellationToken cancellationToken) =>
            warehouses.ListAsync(Actor.From(user), includeInactive ?? false, cancellationToken))
            .WithName("ListWarehouses")
            .WithSummary("The warehouses, by code; inactive ones only when asked for.")
            .Produces<IReadOnlyList<WarehouseRow>>();

        stock.MapPost("/warehouses", async (WarehouseRequest request, ClaimsPrincipal user, Warehouses warehouses, CancellationToken cancellationToken) =>
        {
            var id = await warehouses.CreateAsync(Actor.From(user), request.ToDetails(), cancellationToken);
            return TypedResults.Created($"/api/v1/stock/warehouses/{id}", new CreatedId(id));
        })
            .WithName("CreateWarehouse")
            .WithSummary("Adds a warehouse (managers and administrators); answers its id.")
            .ProducesCreatedByManager();

        stock.MapPut("/warehouses/{id:int}", async (int id, WarehouseRequest request, ClaimsPrincipal user, Warehouses warehouses, CancellationToken cancellationToken) =>
        {
            await warehouses.UpdateAsync(Actor.From(user), id, request.ToDetails(), RequiredField.Of(request.Version, "version"), cancellationToken);
            return TypedResults.NoContent();
        })
            .WithName("UpdateWarehouse")
            .WithSummary("Changes or deactivates a warehouse (managers and administrators); the last active one stays active.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>Documents a POST only managers and administrators may make: the new id, bad input, or forbidden.</summary>
    private static RouteHandlerBuilder ProducesCreatedByManager(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<CreatedId>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static IResult Booked(int movementId, int? productId) =>
        TypedResults.Created($"/api/v1/stock/movements?productId={productId}", new CreatedId(movementId));
}
