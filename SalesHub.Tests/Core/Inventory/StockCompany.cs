using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Inventory;

/// <summary>
/// An administrator, manager Martin and rep Rita on a real SQLite database with the main warehouse,
/// the catalog and the stock services working on it.
/// </summary>
public sealed class StockCompany : IDisposable
{
    public StockCompany()
    {
        var company = new CompanyBuilder(Database);
        Admin = company.AddUser(Roles.Admin, name: "Ada");
        Martin = company.AddUser(Roles.SalesManager, name: "Martin");
        Rita = company.AddUser(Roles.SalesRep, company.AddTeam("East", Martin), "Rita");
        Products = new ProductCatalog(Database, new RecycleBin(Database));
        Ledger = new StockLedger(Database);
        Levels = new StockLevels(Database);
        Warehouses = new Warehouses(Database);
    }

    public TestDatabase Database { get; } = new();

    public AppUser Admin { get; }

    public AppUser Martin { get; }

    public AppUser Rita { get; }

    public Actor Manager => Actor.For(Martin);

    public ProductCatalog Products { get; }

    public StockLedger Ledger { get; }

    public StockLevels Levels { get; }

    public Warehouses Warehouses { get; }

    public Task<int> AddProductAsync(string sku = "PUMP-100", string nameEn = "Water pump") =>
        Products.CreateAsync(Manager, new ProductDetails(sku, nameEn, "水泵", "Pumps", "台", 1000m, 600m));

    /// <summary>A product with <paramref name="onHand"/> received into the main warehouse.</summary>
    public async Task<int> StockedProductAsync(decimal onHand, string sku = "PUMP-100")
    {
        var id = await AddProductAsync(sku);
        await Ledger.ReceiveAsync(Manager, new StockReceipt(id, Warehouse.MainId, onHand));
        return id;
    }

    public Task<int> AddWarehouseAsync(string code = "SH", bool active = true) =>
        Warehouses.CreateAsync(Manager, new WarehouseDetails(code, "Shanghai " + code, "上海 " + code, active));

    /// <summary>On hand, reserved and available of one product in one warehouse, as the stock page reads them.</summary>
    public async Task<(decimal OnHand, decimal Reserved, decimal Available)> LevelAsync(int productId, int warehouseId = Warehouse.MainId)
    {
        var sku = (await Products.GetAsync(Manager, productId)).Sku;
        var row = Assert.Single((await Levels.ListAsync(Manager, new StockLevelQuery { Search = sku, WarehouseId = warehouseId })).Items);
        return (row.OnHand, row.Reserved, row.Available);
    }

    /// <summary>Everything the ledger holds, to compare before and after a refused call.</summary>
    public Task<string> LedgerSnapshotAsync() => LedgerSnapshotAsync(Database);

    /// <summary>Everything <paramref name="database"/>'s ledger holds, to compare before and after a refused call.</summary>
    public static async Task<string> LedgerSnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateWidgetContext(Actor.System);
        var movements = await db.StockMovements.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Kind}:{m.OnHandChange}:{m.ReservedChange}").ToListAsync();
        var balances = await db.StockBalances.OrderBy(b => b.ProductId).ThenBy(b => b.WarehouseId).Select(b => $"{b.ProductId}/{b.WarehouseId}:{b.OnHand}:{b.Reserved}").ToListAsync();
        var held = await db.StockReservations.OrderBy(r => r.OrderId).ThenBy(r => r.ProductId).Select(r => $"{r.OrderId}/{r.ProductId}/{r.WarehouseId}:{r.Quantity}").ToListAsync();
        return string.Join(" | ", movements.Concat(balances).Concat(held));
    }

    public void Dispose() => Database.Dispose();
}
