using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Stock for the goods the demo company sells (services and licences have none): a second warehouse,
/// receipts into both, one count correction, one transfer, and reorder points — a few products already
/// at or under theirs, so that the low-stock list has something to show. Booked through
/// <see cref="StockLedger"/> by the demo administrator, like any other stock.
/// </summary>
internal static class DemoStock
{
    private sealed record DemoLevel(string Sku, decimal Main, decimal Shenzhen, decimal? ReorderPoint);

    private static readonly DemoLevel[] Levels =
    [
        new("PMP-CD-50", 12m, 4m, 5m),
        new("PMP-SUB-15", 6m, 2m, 3m),
        new("PMP-GEAR-20", 9m, 0m, 4m),
        new("PMP-DOS-5", 2m, 0m, 4m),
        new("VLV-BALL-DN50", 120m, 40m, 30m),
        new("VLV-GATE-DN100", 18m, 0m, 6m),
        new("VLV-CHK-DN80", 25m, 10m, 8m),
        new("VLV-SOL-24V", 8m, 0m, 20m),
        new("MTR-Y2-7.5", 10m, 3m, 4m),
        new("MTR-VFD-11", 7m, 0m, 3m),
        new("INS-PG-100", 200m, 50m, 40m),
        new("INS-FLOW-DN50", 1m, 0m, 2m),
        new("SPR-SEAL-35", 60m, 20m, 15m),
        new("SPR-BRG-6308", 400m, 150m, 100m),
        new("SPR-OIL-18L", 30.5m, 0m, 10m),
    ];

    /// <summary>Books the demo stock when the ledger is empty and the demo administrator and products are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, Warehouses warehouses, StockLedger ledger, CancellationToken cancellationToken)
    {
        if (await db.StockMovements.AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = await db.Users.Where(u => u.Email == DemoCompany.AdminEmail).SingleOrDefaultAsync(cancellationToken);
        if (admin is null)
        {
            return;
        }

        var actor = Actor.For(admin);
        var products = await db.Products.Select(p => new { p.Id, p.Sku, p.Version }).ToDictionaryAsync(p => p.Sku, cancellationToken);
        var shenzhen = await db.Warehouses.Where(w => w.Code == "SZ").Select(w => (int?)w.Id).SingleOrDefaultAsync(cancellationToken)
            ?? await warehouses.CreateAsync(actor, new WarehouseDetails("SZ", "Shenzhen warehouse", "深圳仓"), cancellationToken);
        foreach (var level in Levels.Where(l => products.ContainsKey(l.Sku)))
        {
            var product = products[level.Sku];
            await ledger.SetReorderPointAsync(actor, product.Id, level.ReorderPoint, product.Version, cancellationToken);
            await ledger.ReceiveAsync(actor, new StockReceipt(product.Id, Warehouse.MainId, level.Main + 1m, "PO 2026-0001"), cancellationToken);
            await ledger.AdjustAsync(actor, new StockAdjustment(product.Id, Warehouse.MainId, -1m, "Opening count"), cancellationToken);
            if (level.Shenzhen > 0)
            {
                await ledger.TransferAsync(actor, new StockTransfer(product.Id, Warehouse.MainId, shenzhen, level.Shenzhen), cancellationToken);
                await ledger.ReceiveAsync(actor, new StockReceipt(product.Id, Warehouse.MainId, level.Shenzhen, "PO 2026-0002"), cancellationToken);
            }
        }
    }
}
