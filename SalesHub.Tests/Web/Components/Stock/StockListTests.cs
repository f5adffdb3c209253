using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Stock;

namespace SalesHub.Tests.Web.Components.Stock;

public sealed class StockListTests : ComponentTest
{
    private readonly AppUser _manager;
    private readonly AppUser _rep;

    public StockListTests()
    {
        var company = new CompanyBuilder(Database);
        _manager = company.AddUser(Roles.SalesManager, name: "Martin");
        _rep = company.AddUser(Roles.SalesRep, name: "Rita");
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<StockLedger>();
        Services.AddSingleton<StockLevels>();
        Services.AddSingleton<Warehouses>();
    }

    [Fact]
    public async Task ARepSeesStockChangeLiveWhenSomebodyElseBooksItAndIsNotOfferedBooking()
    {
        var manager = Actor.For(_manager);
        var product = await new ProductCatalog(Database, new RecycleBin(Database)).CreateAsync(manager, new ProductDetails("PUMP-1", "Pump", "水泵", null, "台", 10m, 5m));
        var ledger = new StockLedger(Database);
        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 5m));
        await ledger.SetReorderPointAsync(manager, product, 4m, 1);
        SignIn(_rep);
        Render<MudPopoverProvider>();
        var cut = Render<StockList>();
        cut.WaitForAssertion(() => Assert.Equal(["5"], cut.FindAll("[data-testid=stock-row-available]").Select(e => e.TextContent)));
        Assert.Empty(cut.FindAll("[data-testid=stock-row-low]"));
        Assert.Empty(cut.FindAll("[data-testid=stock-book]"));

        await ledger.ReserveAsync(manager, 17, [new StockLine(product, Warehouse.MainId, 1.5m)], ReservationMode.AllOrNothing);

        cut.WaitForAssertion(() => Assert.Equal(["3.5"], cut.FindAll("[data-testid=stock-row-available]").Select(e => e.TextContent)));
        Assert.Equal(["1.5"], cut.FindAll("[data-testid=stock-row-reserved]").Select(e => e.TextContent));
        Assert.Single(cut.FindAll("[data-testid=stock-row-low]"));
    }
}
