using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Company;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class CompanySettingsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AnAdminChangesTheTaxRoundingAndTheRepsDiscountLimit() => browser.RunAsync(nameof(AnAdminChangesTheTaxRoundingAndTheRepsDiscountLimit), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.AdminEmail);
        await page.GetByTestId("nav-company").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/company$"));
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await Expect(BrowserSession.Input(page, "company-legalNameZh")).ToHaveValueAsync("上海示例科技有限公司");

        await page.GetByTestId("company-taxRounding").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Once per tax rate for the whole quote" }).ClickAsync();
        await BrowserSession.Input(page, "company-repMaxDiscountPercent").FillAsync("15");
        await page.GetByTestId("company-save").ClickAsync();

        await Expect(page.GetByText("Saved")).ToBeVisibleAsync();
        var settings = await browser.App.Services.GetRequiredService<CompanySettings>().GetAsync();
        Assert.Equal((TaxRounding.Global, 15m), (settings.Details.TaxRounding, settings.MaxDiscountPercentFor(Roles.SalesRep)));

        await page.ReloadAsync();
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await Expect(BrowserSession.Input(page, "company-repMaxDiscountPercent")).ToHaveValueAsync("15");
        await Expect(BrowserSession.Input(page, "company-taxRounding")).ToHaveValueAsync("Once per tax rate for the whole quote");
    });

    [Fact]
    public Task ARepCannotOpenTheCompanySettings() => browser.RunAsync(nameof(ARepCannotOpenTheCompanySettings), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep1Email);

        await page.GotoAsync("/admin/company");

        await Expect(page.GetByTestId("access-denied")).ToHaveTextAsync("You do not have permission to do this.");
        await Expect(page.GetByTestId("company-settings")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-company")).ToHaveCountAsync(0);
    });
}
