using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Data;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Web.Bench;

/// <summary>What was generated for the stock measurements, and a product with a long history.</summary>
internal sealed record BenchStockSample(int Products, int Movements, int LowProducts, int BusiestProductId, Actor Manager);

/// <summary>
/// Products in the main warehouse and a ledger of <see cref="BenchDataset.OrderLines"/> stock movements
/// (issue #6's 5M at mid): receipts, counted adjustments, and reservations each shipped for an order. The
/// balances are the movements summed, written once at the end, as the ledger keeps them; a tenth of the
/// products have a reorder point above what is available. Written by prepared inserts in one transaction,
/// like <see cref="BenchOpportunities"/>; being generated, the rows have no audit lines.
/// </summary>
internal static class BenchStock
{
    private const int Seed = 2029;
    private const int HistoryDays = 2 * 365;

    private static readonly string[] Kinds = ["轴承 Bearing", "阀门 Valve", "水泵 Pump", "电机 Motor", "密封件 Seal", "传感器 Sensor", "滤芯 Filter", "齿轮 Gear"];

    public static async Task<BenchStockSample> SeedAsync(IServiceProvider services, BenchDataset dataset, Actor manager)
    {
        var productCount = dataset.OrderLines / 250;
        var factory = services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>();
        await using var db = await factory.CreateForAsync(Actor.System);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var random = new Random(Seed);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var firstProduct = (int)BenchCustomers.NextId(transaction, "Products");
        var onHand = new decimal[productCount];
        using (var products = BulkInsert.AllColumns(transaction, db.Model.FindEntityType(typeof(Product))!))
        {
            for (var i = 0; i < productCount; i++)
            {
                var kind = Kinds[i % Kinds.Length].Split(' ');
                var product = new Product { Version = 1, CreatedAt = now.AddDays(-HistoryDays), UpdatedAt = now.AddDays(-HistoryDays) };
                product.Describe(new ProductDetails(
                    $"BENCH-{i:D6}", $"{kind[1]} {i}", $"{kind[0]} {i} 型", kind[1], "件", random.Next(10, 5_000), 1m, 13m));
                products.Insert(product, firstProduct + i, new Dictionary<string, object?> { [nameof(Product.ReorderPoint)] = null });
            }
        }

        var written = 0;
        using (var movements = BulkInsert.Columns(transaction, db.Model.FindEntityType(typeof(StockMovement))!,
            nameof(StockMovement.ProductId), nameof(StockMovement.WarehouseId), nameof(StockMovement.Kind), nameof(StockMovement.OnHandChange),
            nameof(StockMovement.ReservedChange), nameof(StockMovement.OrderId), nameof(StockMovement.Reason), nameof(StockMovement.UserId), nameof(StockMovement.OccurredAt)))
        {
            var step = TimeSpan.FromDays(HistoryDays) / dataset.OrderLines;
            var at = now.AddDays(-HistoryDays);
            var order = 0;
            while (written < dataset.OrderLines)
            {
                // The busiest product gets a movement in ten, the rest share the others.
                var index = random.Next(10) == 0 ? 0 : random.Next(productCount);
                var productId = firstProduct + index;
                at += step;
                var quantity = (decimal)random.Next(1, 50);
                if (onHand[index] < quantity || random.Next(3) == 0)
                {
                    var (kind, change, reason) = random.Next(20) == 0
                        ? (StockMovementKind.Adjustment, -Math.Min(onHand[index], 1m), "盘点 Stock count")
                        : (StockMovementKind.Receipt, quantity * 4, null);
                    if (change == 0m)
                    {
                        (kind, change, reason) = (StockMovementKind.Receipt, quantity * 4, null);
                    }

                    movements.InsertValues(productId, Warehouse.MainId, kind, change, 0m, null, reason, manager.UserId, at);
                    onHand[index] += change;
                    written++;
                    continue;
                }

                order++;
                movements.InsertValues(productId, Warehouse.MainId, StockMovementKind.Reservation, 0m, quantity, order, null, manager.UserId, at);
                movements.InsertValues(productId, Warehouse.MainId, StockMovementKind.Shipment, -quantity, -quantity, order, null, manager.UserId, at + step / 2);
                onHand[index] -= quantity;
                written += 2;
            }
        }

        var low = 0;
        using (var balances = BulkInsert.Columns(transaction, db.Model.FindEntityType(typeof(StockBalance))!,
            nameof(StockBalance.ProductId), nameof(StockBalance.WarehouseId), nameof(StockBalance.OnHand), nameof(StockBalance.Reserved)))
        using (var reorder = transaction.Connection!.CreateCommand())
        {
            reorder.Transaction = transaction;
            reorder.CommandText = "UPDATE \"Products\" SET \"ReorderPoint\" = $point WHERE \"Id\" = $id";
            var point = reorder.Parameters.Add("$point", SqliteType.Integer);
            var id = reorder.Parameters.Add("$id", SqliteType.Integer);
            for (var i = 0; i < productCount; i++)
            {
                balances.InsertValues(firstProduct + i, Warehouse.MainId, onHand[i], 0m);
                if (i % 10 == 5)
                {
                    (point.Value, id.Value) = (StockQuantity.ToThousandths(onHand[i] + 10m), firstProduct + i);
                    reorder.ExecuteNonQuery();
                    low++;
                }
            }
        }

        await transaction.CommitAsync();
        return new BenchStockSample(productCount, written, low, firstProduct, manager);
    }
}
