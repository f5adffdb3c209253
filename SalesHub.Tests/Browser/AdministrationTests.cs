using Microsoft.Playwright;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class AdministrationTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AnAdminCreatesAUserAfterFixingATooShortPassword() => browser.RunAsync(nameof(AnAdminCreatesAUserAfterFixingATooShortPassword), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.AdminEmail);
        await page.GotoAsync("/admin/users");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        var email = $"nina.{Guid.NewGuid():N}@test.local";

        await page.GetByTestId("user-new").ClickAsync();
        await BrowserSession.Input(page, "user-email").FillAsync(email);
        await BrowserSession.Input(page, "user-name").FillAsync("Nina New");
        await BrowserSession.Input(page, "user-password").FillAsync("short");
        await page.GetByTestId("user-save").ClickAsync();
        await Expect(page.GetByTestId("user-dialog")).ToContainTextAsync("The password must be at least 10 characters long.");

        await BrowserSession.Input(page, "user-password").FillAsync("a long enough passphrase");
        await page.GetByTestId("user-save").ClickAsync();

        await Expect(page.GetByTestId("user-dialog")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("users-table")).ToContainTextAsync("Nina New");
        Assert.True((await browser.App.UserAsync(email)).IsActive);
    });

    [Fact]
    public Task ATeamRenamedInOneBrowserChangesInAnotherAtOnceAndShowsInItsHistory() => browser.RunAsync(nameof(ATeamRenamedInOneBrowserChangesInAnotherAtOnceAndShowsInItsHistory), async session =>
    {
        var watcher = await session.SignInAsync(DemoCompany.AdminEmail);
        var editor = await session.SignInAsync(DemoCompany.AdminEmail);
        await watcher.GotoAsync("/admin/teams");
        await BrowserSession.WaitUntilInteractiveAsync(watcher);
        await editor.GotoAsync("/admin/teams");
        await BrowserSession.WaitUntilInteractiveAsync(editor);
        var newName = "华南 South " + Guid.NewGuid().ToString("N")[..4];

        await editor.GetByTestId("team-row-name").Filter(new() { HasTextRegex = new("^华南 South") }).Locator("xpath=..").GetByTestId("team-edit").ClickAsync();
        await BrowserSession.Input(editor, "team-name").FillAsync(newName);
        await editor.GetByTestId("team-save").ClickAsync();

        await Expect(watcher.GetByTestId("teams-table")).ToContainTextAsync(newName);
        await watcher.GetByTestId("team-row-name").Filter(new() { HasText = newName }).Locator("xpath=..").GetByTestId("team-edit").ClickAsync();
        await watcher.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Expect(watcher.GetByTestId("history-entry").First).ToContainTextAsync("Changed · Alice Admin");
        await Expect(watcher.GetByTestId("history")).ToContainTextAsync($"Name: 华南 South → {newName}");
    });

    [Fact]
    public Task ARepCannotOpenTheAdministrationPages() => browser.RunAsync(nameof(ARepCannotOpenTheAdministrationPages), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep1Email);

        await page.GotoAsync("/admin/users");

        await Expect(page.GetByTestId("access-denied")).ToHaveTextAsync("You do not have permission to do this.");
        await Expect(page.GetByTestId("users-table")).ToHaveCountAsync(0);
    });
}
