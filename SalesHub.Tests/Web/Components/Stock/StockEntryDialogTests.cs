using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Stock.Components;

namespace SalesHub.Tests.Web.Components.Stock;

public sealed class StockEntryDialogTests : DialogTest
{
    private readonly AppUser _manager;

    public StockEntryDialogTests()
    {
        _manager = new CompanyBuilder(Database).AddUser(Roles.SalesManager, name: "Martin");
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<StockLedger>();
        Services.AddSingleton<StockLevels>();
        SignInAndOpenDialogs(_manager);
    }

    [Fact]
    public async Task ANegativeReceiptIsExplainedBesideTheQuantityAndNothingIsBookedUntilItIsRight()
    {
        var product = await Get<ProductCatalog>().CreateAsync(Actor.For(_manager), new ProductDetails("PUMP-1", "Pump", null, null, "台", 10m, 5m));
        var dialog = await ShowAsync(new DialogParameters<StockEntryDialog>
        {
            { d => d.ProductId, product }, { d => d.WarehouseId, Warehouse.MainId }, { d => d.Warehouses, [new WarehouseRow(Warehouse.MainId, "MAIN", "Main warehouse", "主仓库", true, 1)] },
        });

        Input("stock-entry-quantity").Change("-3");
        Click("stock-entry-save");
        AssertRefusedBeside(dialog, "stock-entry-quantity", "Enter a quantity greater than 0.");
        Assert.Equal(0, (await Get<StockLevels>().MovementsAsync(Actor.For(_manager), product)).Total);

        Input("stock-entry-quantity").Change("2.5");
        Input("stock-entry-note").Change("PO 7");
        Click("stock-entry-save");

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var receipt = Assert.Single((await Get<StockLevels>().MovementsAsync(Actor.For(_manager), product)).Items);
        Assert.Equal((StockMovementKind.Receipt, 2.5m, "PO 7"), (receipt.Kind, receipt.OnHandChange, receipt.Note));
    }
}
