using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class CustomerSettingsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AnAdminAddsATagAndRenamesAGradeAndSeesBothInTheTables() => browser.RunAsync(nameof(AnAdminAddsATagAndRenamesAGradeAndSeesBothInTheTables), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.AdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Grades and tags" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/customer-settings$"));
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("tag-new").ClickAsync();
        await BrowserSession.Input(page, "label-name").FillAsync("展会 2026 Expo");
        await page.Locator("[data-testid=color-chip][data-color='#43A047']").ClickAsync();
        await page.GetByTestId("label-save").ClickAsync();
        await Expect(page.GetByTestId("label-dialog")).Not.ToBeVisibleAsync();
        var tag = page.GetByTestId("tag-row-name").Filter(new() { HasText = "展会 2026 Expo" });
        await Expect(tag).ToHaveAttributeAsync("style", new Regex("background-color:#43A047"));

        await page.GetByTestId("grade-row-name").Filter(new() { HasTextRegex = new("^D$") }).Locator("xpath=ancestor::tr").GetByTestId("grade-edit").ClickAsync();
        await Expect(BrowserSession.Input(page, "label-name")).ToHaveValueAsync("D");
        await BrowserSession.Input(page, "label-name").FillAsync("D 休眠 Dormant");
        await page.GetByTestId("label-save").ClickAsync();

        await Expect(page.GetByTestId("label-dialog")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("grades-table")).ToContainTextAsync("D 休眠 Dormant");
        await Expect(page.GetByTestId("grade-row-name")).ToHaveTextAsync(["A", "B", "C", "D 休眠 Dormant"]);
    });

    [Fact]
    public Task ATakenTagNameIsShownNextToTheField() => browser.RunAsync(nameof(ATakenTagNameIsShownNextToTheField), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.AdminEmail);
        await page.GotoAsync("/admin/customer-settings");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        var name = "VIP " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByTestId("tag-new").ClickAsync();
        await BrowserSession.Input(page, "label-name").FillAsync(name);
        await page.GetByTestId("label-save").ClickAsync();
        await Expect(page.GetByTestId("label-dialog")).Not.ToBeVisibleAsync();

        await page.GetByTestId("tag-new").ClickAsync();
        await BrowserSession.Input(page, "label-name").FillAsync(name.ToLowerInvariant());
        await page.GetByTestId("label-save").ClickAsync();

        await Expect(page.GetByTestId("label-dialog")).ToContainTextAsync($"A tag named \"{name.ToLowerInvariant()}\" already exists.");
    });
}
