using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Pages.Stock;

namespace SalesHub.Tests.Web.Components.Stock;

public sealed class StockHistoryTests : ComponentTest
{
    private readonly AppUser _manager;

    public StockHistoryTests()
    {
        _manager = new CompanyBuilder(Database).AddUser(Roles.SalesManager, name: "Martin");
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<StockLedger>();
        Services.AddSingleton<StockLevels>();
        Services.AddSingleton<Warehouses>();
    }

    [Fact]
    public async Task TheHistoryShowsTheProductsMovementsNewestFirstAndFollowsNewOnes()
    {
        var manager = Actor.For(_manager);
        var catalog = new ProductCatalog(Database, new RecycleBin(Database));
        var pump = await catalog.CreateAsync(manager, new ProductDetails("PUMP-1", "Pump", "水泵", null, "台", 10m, 5m));
        var hose = await catalog.CreateAsync(manager, new ProductDetails("HOSE-1", "Hose", "软管", null, "根", 1m, 0.5m));
        var ledger = new StockLedger(Database);
        await ledger.ReceiveAsync(manager, new StockReceipt(pump, Warehouse.MainId, 8m));
        SignIn(_manager);
        Render<MudPopoverProvider>();
        var cut = Render<StockHistory>(p => p.Add(h => h.ProductId, pump).AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        cut.WaitForAssertion(() => Assert.Equal(["Receipt"], cut.FindAll("[data-testid=stock-movement-kind]").Select(e => e.TextContent)));

        await ledger.AdjustAsync(manager, new StockAdjustment(pump, Warehouse.MainId, -2m, "Broken"));
        await ledger.ReceiveAsync(manager, new StockReceipt(hose, Warehouse.MainId, 1m));

        // The movements and the levels reload each on their own after a change: wait for both.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["Adjustment", "Receipt"], cut.FindAll("[data-testid=stock-movement-kind]").Select(e => e.TextContent));
            Assert.Equal(["6"], cut.FindAll("[data-testid=stock-history-available]").Select(e => e.TextContent));
        });
        Assert.Equal(["−2", "+8"], cut.FindAll("[data-testid=stock-movement-on-hand]").Select(e => e.TextContent));
    }

    [Fact]
    public async Task AManagerSetsTheReorderPointBesideTheLevelsAndABadOneIsExplainedThere()
    {
        var manager = Actor.For(_manager);
        var pump = await new ProductCatalog(Database, new RecycleBin(Database)).CreateAsync(manager, new ProductDetails("PUMP-1", "Pump", "水泵", null, "台", 10m, 5m));
        SignIn(_manager);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<StockHistory>(p => p.Add(h => h.ProductId, pump).AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        var input = () => cut.WaitForElement("[data-testid=stock-reorder-point] input, input[data-testid=stock-reorder-point]");

        input().Change("-1");
        cut.Find("[data-testid=stock-reorder-point-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("The reorder point cannot be negative.", cut.Markup));

        input().Change("3");
        cut.Find("[data-testid=stock-reorder-point-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        var low = Assert.Single((await Services.GetRequiredService<StockLevels>().LowStockAsync(manager)).Items);
        Assert.Equal((pump, 3m), (low.ProductId, low.ReorderPoint));
    }
}
