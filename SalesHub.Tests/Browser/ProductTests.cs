using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class ProductTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private ProductCatalog Catalog => browser.App.Services.GetRequiredService<ProductCatalog>();

    [Fact]
    public Task AManagerCreatesAProductThatARepSeesWithoutItsCost() => browser.RunAsync(nameof(AManagerCreatesAProductThatARepSeesWithoutItsCost), async session =>
    {
        var sku = "BT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await manager.GotoAsync("/products");
        await BrowserSession.WaitUntilInteractiveAsync(manager);

        await manager.GetByTestId("product-new").ClickAsync();
        await BrowserSession.Input(manager, "product-sku").FillAsync(sku);
        await BrowserSession.Input(manager, "product-name-en").FillAsync("Booster pump");
        await BrowserSession.Input(manager, "product-name-zh").FillAsync("增压泵");
        await BrowserSession.Input(manager, "product-unit").FillAsync("台");
        await BrowserSession.Input(manager, "product-list-price").FillAsync("2680.50");
        await BrowserSession.Input(manager, "product-cost").FillAsync("1710");
        await manager.GetByTestId("product-save").ClickAsync();
        await Expect(manager.GetByTestId("product-dialog")).ToBeHiddenAsync();

        await BrowserSession.Input(manager, "products-search").FillAsync(sku);
        await Expect(manager.GetByTestId("product-row-sku")).ToHaveTextAsync([sku]);
        await Expect(manager.GetByTestId("product-row-cost")).ToHaveTextAsync(["1,710.00"]);
        var actor = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var saved = Assert.Single((await Catalog.ListAsync(actor, new ProductQuery { Search = sku })).Items);
        Assert.Equal((2680.50m, (decimal?)1710m), (saved.ListPrice, saved.Cost));

        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync("/products");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await BrowserSession.Input(rep, "products-search").FillAsync(sku);

        await Expect(rep.GetByTestId("product-row-sku")).ToHaveTextAsync([sku]);
        await Expect(rep.GetByTestId("product-row-name")).ToHaveTextAsync(["Booster pump"]);
        await Expect(rep.GetByTestId("product-row-price")).ToHaveTextAsync(["2,680.50"]);
        await Expect(rep.GetByTestId("product-row-cost")).ToHaveCountAsync(0);
        await Expect(rep.GetByTestId("products-grid")).Not.ToContainTextAsync("1,710");
        await Expect(rep.GetByTestId("product-new")).ToHaveCountAsync(0);

        await BrowserSession.Input(rep, "products-search").FillAsync("PMP-CD-40");
        await Expect(rep.GetByTestId("product-row-status")).ToHaveTextAsync(["Inactive"]);
    });

    [Fact]
    public Task AManagerDeletesAProductAndRestoresItFromTheRecycleBin() => browser.RunAsync(nameof(AManagerDeletesAProductAndRestoresItFromTheRecycleBin), async session =>
    {
        var sku = "BT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var actor = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        await Catalog.CreateAsync(actor, new ProductDetails(sku, "Spare impeller", "叶轮", "备件 Spare parts", "件", 320m, 150m));
        var page = await session.SignInAsync(DemoCompany.ManagerEmail);
        await page.GotoAsync("/products");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await BrowserSession.Input(page, "products-search").FillAsync(sku);
        await Expect(page.GetByTestId("product-row-sku")).ToHaveTextAsync([sku]);

        await page.GetByTestId("product-delete").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Dialog).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("products-empty")).ToBeVisibleAsync();
        await page.GetByTestId("products-recycle-bin").ClickAsync();
        var row = page.GetByTestId("recycle-products").Locator("tr", new() { Has = page.GetByText(sku) });
        await row.GetByTestId("deleted-restore").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal("Spare impeller", (await Catalog.ListAsync(actor, new ProductQuery { Search = sku })).Items.Single().NameEn);
    });
}
