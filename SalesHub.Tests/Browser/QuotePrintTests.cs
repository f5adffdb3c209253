using Microsoft.Playwright;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class QuotePrintTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task TheRepPrintsAChineseQuoteFromAnEnglishSessionWithoutTheAppAroundIt() => browser.RunAsync(nameof(TheRepPrintsAChineseQuoteFromAnEnglishSessionWithoutTheAppAroundIt), async session =>
    {
        var quote = (await AppQuotes.CreateAsync(browser.App.Services, DemoCompany.Rep1Email, "北京星河贸易有限公司", "zh-CN")).Quote;
        var page = await session.SignInAsync(DemoCompany.Rep1Email);

        await page.GotoAsync($"/quotes/{quote.Id}/print");

        await Expect(page.GetByTestId("printout-title")).ToHaveTextAsync("报价单");
        await Expect(page.GetByTestId("printout-number")).ToHaveTextAsync(quote.Number);
        await Expect(page.GetByTestId("printout-customer")).ToContainTextAsync("北京星河贸易有限公司");
        await Expect(page.GetByTestId("print-button")).ToHaveTextAsync("Print");
        await Expect(page.GetByTestId("nav-drawer")).ToHaveCountAsync(0);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.GetByTestId("print-button")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("printout-total")).ToBeVisibleAsync();
    });

    [Fact]
    public Task AQuoteTheUserMayNotSeeShowsNotFound() => browser.RunAsync(nameof(AQuoteTheUserMayNotSeeShowsNotFound), async session =>
    {
        var quote = (await AppQuotes.CreateAsync(browser.App.Services, DemoCompany.Rep1Email, "北京星河贸易有限公司", "en")).Quote;
        var page = await session.SignInAsync(DemoCompany.Rep3Email);

        var response = await page.GotoAsync($"/quotes/{quote.Id}/print");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("quote-printout")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("北京星河贸易有限公司");
    });
}
