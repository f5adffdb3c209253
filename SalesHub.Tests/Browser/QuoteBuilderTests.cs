using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Documents;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class QuoteBuilderTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private QuoteBook Quotes => browser.App.Services.GetRequiredService<QuoteBook>();

    [Fact]
    public Task ARepBuildsAQuoteWatchesTheTotalFollowTheQuantitySendsItAndDownloadsItsPdf() => browser.RunAsync(nameof(ARepBuildsAQuoteWatchesTheTotalFollowTheQuantitySendsItAndDownloadsItsPdf), async session =>
    {
        const string customerName = "宁波海天塑料制品有限公司";
        var customer = await CustomerAsync(customerName);
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await page.GotoAsync($"/quotes/new?customerId={customer}");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await Expect(BrowserSession.Input(page, "quote-customer")).ToHaveValueAsync(customerName);

        await AddProductAsync(page, "VLV-BALL-DN50");
        await AddProductAsync(page, "INS-PG-100");
        await Expect(page.GetByTestId("quote-line-product")).ToHaveCountAsync(2);
        var before = await page.GetByTestId("quote-total").TextContentAsync();
        await BrowserSession.Input(page, "quote-line-quantity").FillAsync("12");
        await Expect(page.GetByTestId("quote-total")).Not.ToHaveTextAsync(before!);

        await page.GetByTestId("quote-save").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/quotes/new");
        var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var saved = (await Quotes.GetAsync(await browser.App.ActorForAsync(DemoCompany.Rep1Email), id)).Quote;
        Assert.Equal([12m, 1m], saved.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        await Expect(page.GetByTestId("quote-total")).ToContainTextAsync(saved.Total.ToString("N2", CultureInfo.GetCultureInfo("en-US")));

        await page.GetByTestId("quote-send").ClickAsync();

        await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("Sent");
        await Expect(page.GetByTestId("quote-save")).ToHaveCountAsync(0);
        Assert.Equal(QuoteStatus.Sent, (await Quotes.GetAsync(await browser.App.ActorForAsync(DemoCompany.Rep1Email), id)).Quote.Status);

        var screenTotal = (await page.GetByTestId("quote-total").TextContentAsync())!.Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("quote-pdf-download").ClickAsync());
        var pdf = string.Join('\n', await PdfText.PagesAsync(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal($"{saved.Number}-v1.pdf", download.SuggestedFilename);
        Assert.Contains(customerName, pdf);
        Assert.Contains(screenTotal, pdf);
    });

    [Fact]
    public Task ARepsOverLimitDiscountWaitsUntilTheManagerApprovesIt() => browser.RunAsync(nameof(ARepsOverLimitDiscountWaitsUntilTheManagerApprovesIt), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = await CustomerAsync("Northwind Traders");
        var product = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Search = "MTR-Y2-7.5" })).Items.Single();
        var id = await Quotes.CreateDraftAsync(rita, new QuoteDraft(customer, null, "en", [new QuoteLineInput(product.Id, 2m)]));
        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/quotes/{id}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);

        await BrowserSession.Input(rep, "quote-line-discount-percent").FillAsync("25");
        await Expect(rep.GetByTestId("quote-approval-hint")).ToBeVisibleAsync();
        await rep.GetByTestId("quote-send").ClickAsync();
        await Expect(rep.GetByTestId("quote-status")).ToHaveTextAsync("Pending approval");
        await Expect(rep.GetByTestId("quote-pending-approval")).ToContainTextAsync("Waiting for a manager's approval");

        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await manager.GotoAsync($"/quotes/{id}");
        await BrowserSession.WaitUntilInteractiveAsync(manager);
        await manager.GetByTestId("quote-approve").ClickAsync();
        await BrowserSession.Input(manager, "approval-comment").FillAsync("OK for this key account");
        await manager.GetByTestId("approval-confirm").ClickAsync();

        await Expect(manager.GetByTestId("quote-status")).ToHaveTextAsync("Sent");
        await Expect(rep.GetByTestId("quote-status")).ToHaveTextAsync("Sent");
        var quote = (await Quotes.GetAsync(rita, id)).Quote;
        Assert.Equal((QuoteStatus.Sent, "OK for this key account", 25m), (quote.Status, quote.ApprovalComment, quote.Lines[0].DiscountPercent));
    });

    [Fact]
    public Task OnAPhoneTheQuoteFitsTheScreenAndItsLinesCanBeChanged() => browser.RunAsync(nameof(OnAPhoneTheQuoteFitsTheScreenAndItsLinesCanBeChanged), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = await CustomerAsync("成都天府物流有限公司");
        var products = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Category = "水泵 Pumps", Active = true })).Items;
        var id = await Quotes.CreateDraftAsync(rita, new QuoteDraft(customer, null, "zh-CN", [.. products.Select(p => new QuoteLineInput(p.Id, 1m))]));
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);
        await page.GotoAsync($"/quotes/{id}");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        var before = await page.GetByTestId("quote-total").TextContentAsync();

        await BrowserSession.Input(page, "quote-line-quantity").FillAsync("3");

        await Expect(page.GetByTestId("quote-total")).Not.ToHaveTextAsync(before!);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The quote scrolls sideways on a phone ({width}px wide).");
        await Expect(page.GetByTestId("quote-save")).ToBeInViewportAsync();
    });

    [Fact]
    public Task AQuoteLineShowsWhatIsAvailableWarnsWhenItAsksForMoreAndFollowsStockLive() => browser.RunAsync(nameof(AQuoteLineShowsWhatIsAvailableWarnsWhenItAsksForMoreAndFollowsStockLive), async session =>
    {
        var manager = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var sku = "AVL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var product = await browser.App.Services.GetRequiredService<ProductCatalog>().CreateAsync(manager, new ProductDetails(sku, "Availability pump", "可用量水泵", "Pumps", "台", 1000m, 600m));
        var ledger = browser.App.Services.GetRequiredService<StockLedger>();
        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 5m));
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);
        await page.GotoAsync($"/quotes/new?customerId={await CustomerAsync("Northwind Traders")}");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await AddProductAsync(page, sku);
        await AddProductAsync(page, "SRV-INSTALL");
        var available = page.GetByTestId("quote-line-available");
        await Expect(available).ToHaveTextAsync("5 台 available");
        await BrowserSession.Input(page, "quote-line-quantity").FillAsync("8");
        await Expect(available).ToHaveTextAsync("Only 5 台 available");
        await Expect(available).ToHaveAttributeAsync("data-short", "true");

        await ledger.ReceiveAsync(manager, new StockReceipt(product, Warehouse.MainId, 10m));

        await Expect(available).ToHaveTextAsync("15 台 available");
        await Expect(available).ToHaveAttributeAsync("data-short", "false");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The quote scrolls sideways on a phone ({width}px wide).");
    });

    private async Task<int> CustomerAsync(string name)
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customers = await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { Search = name });
        return customers.Items.Single(c => c.Name == name).Id;
    }

    private static async Task AddProductAsync(IPage page, string sku)
    {
        await BrowserSession.Input(page, "quote-add-product").FillAsync(sku);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = sku }).First.ClickAsync();
        await Expect(page.GetByTestId("quote-line-product").Filter(new() { HasText = sku })).ToHaveCountAsync(1);
    }
}
