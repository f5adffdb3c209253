using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class StockTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AManagersReceiptShowsOnARepsStockPageLive() => browser.RunAsync(nameof(AManagersReceiptShowsOnARepsStockPageLive), async session =>
    {
        var sku = "BT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var actor = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        await browser.App.Services.GetRequiredService<ProductCatalog>().CreateAsync(actor, new ProductDetails(sku, "Booster pump", "增压泵", null, "台", 2680m, 1710m));
        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync("/stock");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await BrowserSession.Input(rep, "stock-search").FillAsync(sku);
        await Expect(rep.GetByTestId("stock-row-available")).ToHaveTextAsync(["0", "0"]);
        await Expect(rep.GetByTestId("stock-book")).ToHaveCountAsync(0);

        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await manager.GotoAsync("/stock");
        await BrowserSession.WaitUntilInteractiveAsync(manager);
        await BrowserSession.Input(manager, "stock-search").FillAsync(sku);
        await Expect(manager.GetByTestId("stock-row-warehouse")).ToHaveTextAsync(["MAIN", "SZ"]);
        await manager.GetByTestId("stock-book").First.ClickAsync();
        await BrowserSession.Input(manager, "stock-entry-quantity").FillAsync("-2");
        await manager.GetByTestId("stock-entry-save").ClickAsync();
        await Expect(manager.GetByTestId("stock-entry-dialog")).ToContainTextAsync("Enter a quantity greater than 0.");
        await BrowserSession.Input(manager, "stock-entry-quantity").FillAsync("12.5");
        await manager.GetByTestId("stock-entry-save").ClickAsync();
        await Expect(manager.GetByTestId("stock-entry-dialog")).ToBeHiddenAsync();

        await Expect(rep.GetByTestId("stock-row-available")).ToHaveTextAsync(["12.5", "0"]);
        await Expect(manager.GetByTestId("stock-row-on-hand")).ToHaveTextAsync(["12.5", "0"]);
    });
}
