using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;

namespace SalesHub.Core.Orders;

/// <summary>
/// What an order's steps do to stock, inside <see cref="OrderBook"/>'s transaction: reserve the stocked
/// lines (one ledger line per product) on confirmation, ship out of each line's reservation, give all
/// back on cancellation. Lines of products that do not track stock (services) take no part. Errors
/// name the order's line ("lines[i].quantity", lines by position), whatever the ledger's grouping.
/// </summary>
internal static class OrderStock
{
    /// <summary>The warehouse an order may use: a known, active one.</summary>
    public static async Task<int> WarehouseAsync(SalesHubDbContext db, int warehouseId, CancellationToken cancellationToken)
    {
        var active = await db.Warehouses.Where(w => w.Id == warehouseId).Select(w => (bool?)w.IsActive).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Inventory.UnknownWarehouse") { Field = "warehouseId" };
        return active ? warehouseId : throw new DomainException("Inventory.WarehouseInactive") { Field = "warehouseId" };
    }

    /// <summary>Reserves the stocked lines in the order's warehouse and notes on each line what it holds.</summary>
    public static async Task ReserveAsync(SalesHubDbContext db, Order order, ReservationMode mode, CancellationToken cancellationToken)
    {
        var lines = await StockedLinesAsync(db, order, cancellationToken);
        if (lines.Count == 0)
        {
            return;
        }

        var products = lines.GroupBy(l => l.Line.ProductId).ToList();
        var request = products.Select(p => new StockLine(p.Key, order.WarehouseId, p.Sum(l => l.Line.Quantity))).ToList();
        var reserved = await NamingOrderLinesAsync(
            () => StockLedger.ReserveAsync(db, order.Id, request, mode, cancellationToken), p => products[p].First().Index);

        for (var p = 0; p < products.Count; p++)
        {
            var left = reserved[p].Reserved;
            foreach (var (line, _) in products[p])
            {
                line.ReservedQuantity = Math.Min(line.Quantity, left);
                left -= line.ReservedQuantity;
            }
        }
    }

    /// <summary>
    /// Reserves, line by line, as much of what each stocked line still lacks (left to ship less what it
    /// holds) as the warehouse now has available, and notes it on the line; a line that gets nothing stays
    /// short. Returns every stocked line with what it holds now and what this call added.
    /// </summary>
    public static async Task<IReadOnlyList<LineReservation>> ReserveRemainingAsync(SalesHubDbContext db, Order order, CancellationToken cancellationToken)
    {
        var lines = await StockedLinesAsync(db, order, cancellationToken);
        var added = new Dictionary<int, decimal>();
        var products = lines.Where(l => l.Line.UnreservedQuantity > 0m).GroupBy(l => l.Line.ProductId).ToList();
        if (products.Count > 0)
        {
            var request = products.Select(p => new StockLine(p.Key, order.WarehouseId, p.Sum(l => l.Line.UnreservedQuantity))).ToList();
            var reserved = await NamingOrderLinesAsync(
                () => StockLedger.ReserveAsync(db, order.Id, request, ReservationMode.Partial, cancellationToken), p => products[p].First().Index);
            for (var p = 0; p < products.Count; p++)
            {
                var left = reserved[p].Reserved;
                foreach (var (line, _) in products[p])
                {
                    var taken = Math.Min(line.UnreservedQuantity, left);
                    line.ReservedQuantity += taken;
                    added[line.Id] = taken;
                    left -= taken;
                }
            }
        }

        return lines.Select(l => new LineReservation(l.Line.Id, l.Index, l.Line.Sku, l.Line.RemainingQuantity, l.Line.ReservedQuantity, added.GetValueOrDefault(l.Line.Id))).ToList();
    }

    /// <summary>
    /// Ships the stocked lines of <paramref name="shipment"/> (already checked and counted by
    /// <see cref="Order.Ship"/>) out of what each line holds; a line shipping more than it holds is refused.
    /// </summary>
    public static async Task ShipAsync(SalesHubDbContext db, Order order, IReadOnlyList<ShipmentLine> shipment, CancellationToken cancellationToken)
    {
        var stocked = (await StockedLinesAsync(db, order, cancellationToken)).Select(l => l.Line).ToDictionary(l => l.Id);
        var taking = new Dictionary<int, decimal>();
        for (var i = 0; i < shipment.Count; i++)
        {
            if (!stocked.TryGetValue(shipment[i].LineId, out var line))
            {
                continue;
            }

            var total = taking.GetValueOrDefault(line.Id) + shipment[i].Quantity;
            if (total > line.ReservedQuantity)
            {
                throw new DomainException("Orders.ShipMoreThanReserved", line.ReservedQuantity) { Field = $"lines[{i}].quantity" };
            }

            taking[line.Id] = total;
        }

        if (taking.Count == 0)
        {
            return;
        }

        var products = taking.GroupBy(t => stocked[t.Key].ProductId).ToList();
        var request = products.Select(p => new StockLine(p.Key, order.WarehouseId, p.Sum(t => t.Value))).ToList();
        await NamingOrderLinesAsync(async () =>
        {
            await StockLedger.ShipAsync(db, order.Id, request, cancellationToken);
            return true;
        }, p => shipment.ToList().FindIndex(s => stocked.TryGetValue(s.LineId, out var line) && line.ProductId == products[p].Key));
        foreach (var (lineId, quantity) in taking)
        {
            stocked[lineId].ReservedQuantity -= quantity;
        }
    }

    /// <summary>Gives back everything the order holds.</summary>
    public static async Task ReleaseAsync(SalesHubDbContext db, Order order, CancellationToken cancellationToken)
    {
        await StockLedger.ReleaseAllAsync(db, order.Id, cancellationToken);
        foreach (var line in order.Lines)
        {
            line.ReservedQuantity = 0m;
        }
    }

    /// <summary>Which of the order's products track stock (those in the recycle bin too).</summary>
    public static async Task<HashSet<int>> StockedProductsAsync(SalesHubDbContext db, Order order, CancellationToken cancellationToken)
    {
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        return [.. await db.Products.IgnoreQueryFilters().AsNoTracking()
            .Where(p => productIds.Contains(p.Id) && p.TracksStock)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken)];
    }

    /// <summary>The order's lines of products that track stock, with their place among the order's lines.</summary>
    private static async Task<List<(OrderLine Line, int Index)>> StockedLinesAsync(SalesHubDbContext db, Order order, CancellationToken cancellationToken)
    {
        var stocked = await StockedProductsAsync(db, order, cancellationToken);
        return order.Lines.OrderBy(l => l.Position).Select((line, index) => (line, index)).Where(l => stocked.Contains(l.line.ProductId)).ToList();
    }

    /// <summary>Calls the ledger, turning a refusal of one of its (per product) lines into one of the caller's line <paramref name="orderLine"/> gives.</summary>
    private static async Task<T> NamingOrderLinesAsync<T>(Func<Task<T>> call, Func<int, int> orderLine)
    {
        try
        {
            return await call();
        }
        catch (DomainException error) when (error.GetType() == typeof(DomainException) && LedgerLine(error.Field) is { } index)
        {
            throw new DomainException(error.Code, [.. error.Arguments]) { Field = $"lines[{orderLine(index)}].quantity" };
        }
    }

    /// <summary>The ledger request's line a refusal names ("lines[2].quantity" → 2), if any.</summary>
    private static int? LedgerLine(string? field) =>
        field is not null && field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 6 and var end
            && int.TryParse(field.AsSpan(6, end - 6), out var index) ? index : null;
}
