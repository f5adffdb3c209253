using Microsoft.Playwright;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class ShellTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ARepSignsInAndSeesTheShellInEnglish() => browser.RunAsync(nameof(ARepSignsInAndSeesTheShellInEnglish), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep1Email);

        await Expect(page.GetByTestId("welcome")).ToHaveTextAsync("Welcome, Rita Rep");
        await Expect(page.GetByTestId("profile-role")).ToHaveTextAsync("Sales rep");
        await Expect(page.GetByTestId("profile-team")).ToHaveTextAsync("华东 East");
        await Expect(page.GetByTestId("nav-menu")).ToContainTextAsync("Home");
        await Expect(page.GetByTestId("nav-menu")).Not.ToContainTextAsync("Users");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    });

    [Fact]
    public Task SwitchingToChineseShowsTheAppInChinese() => browser.RunAsync(nameof(SwitchingToChineseShowsTheAppInChinese), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep2Email);

        await page.GetByTestId("language-menu").Locator("button").ClickAsync();
        await page.GetByTestId("language-zh").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("welcome")).ToHaveTextAsync("欢迎，Ray Rep");
        await Expect(page.GetByTestId("profile-role")).ToHaveTextAsync("销售代表");
        await Expect(page.GetByTestId("nav-menu")).ToContainTextAsync("首页");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    });

    [Fact]
    public Task AWrongPasswordIsExplainedAndRepeatedFailuresLockTheAccount() => browser.RunAsync(nameof(AWrongPasswordIsExplainedAndRepeatedFailuresLockTheAccount), async session =>
    {
        var email = await CreateRepAsync("lockme");
        var page = await session.OpenAsync();
        await page.GotoAsync("/Account/Login");

        await BrowserSession.SubmitLoginAsync(page, email, "not the password");
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong email or password.");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await BrowserSession.SubmitLoginAsync(page, email, "not the password");
        }

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("the account is locked");
        await BrowserSession.SubmitLoginAsync(page, email, DemoCompany.Password);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("the account is locked");
    });

    [Fact]
    public Task OnAPhoneTheDrawerOpensFromTheMenuButton() => browser.RunAsync(nameof(OnAPhoneTheDrawerOpensFromTheMenuButton), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep3Email, viewport: BrowserSession.Phone);
        var passwordLink = page.GetByTestId("nav-menu").GetByText("Change password");
        await Expect(passwordLink).Not.ToBeInViewportAsync();

        await page.GetByTestId("nav-toggle").ClickAsync();
        await passwordLink.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/password");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change password");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways on a phone ({width}px wide).");
    });

    [Fact]
    public Task ADeactivatedUsersOpenPageEndsWithinSeconds() => browser.RunAsync(nameof(ADeactivatedUsersOpenPageEndsWithinSeconds), async session =>
    {
        var email = await CreateRepAsync("leaver");
        var page = await session.SignInAsync(email);

        var admin = await browser.App.ActorForAsync(DemoCompany.AdminEmail);
        var user = await browser.App.UserAsync(email);
        await Services<UserAdministration>().SetActiveAsync(admin, user.Id, active: false, user.Version);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/Login", new PageWaitForURLOptions { Timeout = 10_000 });
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
    });

    [Fact]
    public Task AUserChangesTheirPasswordSignsInWithItAndSignsOut() => browser.RunAsync(nameof(AUserChangesTheirPasswordSignsInWithItAndSignsOut), async session =>
    {
        var email = await CreateRepAsync("changer");
        var page = await session.SignInAsync(email);
        await page.GotoAsync("/account/password");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await BrowserSession.Input(page, "current-password").FillAsync(DemoCompany.Password);
        await BrowserSession.Input(page, "new-password").FillAsync("qwertyuiop");
        await BrowserSession.Input(page, "confirm-password").FillAsync("qwertyuiop");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("This password is too common");

        await BrowserSession.Input(page, "new-password").FillAsync("my new passphrase");
        await BrowserSession.Input(page, "confirm-password").FillAsync("my new passphrase");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.GetByTestId("login-info")).ToHaveTextAsync("Your password was changed. Sign in with the new password.");

        await BrowserSession.SubmitLoginAsync(page, email, "my new passphrase");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("user-menu").Locator("button").ClickAsync();
        await Expect(page.GetByTestId("user-menu-name")).ToHaveTextAsync("changer");
        await page.GetByTestId("logout").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/Login");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
    });

    [Fact]
    public Task AnUnknownAddressShowsTheNotFoundPage() => browser.RunAsync(nameof(AnUnknownAddressShowsTheNotFoundPage), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep1Email);

        await page.GotoAsync("/no/such/page");

        await Expect(page.GetByTestId("not-found")).ToHaveTextAsync("Page not found");
    });

    private T Services<T>()
        where T : notnull => (T)browser.App.Services.GetService(typeof(T))!;

    private async Task<string> CreateRepAsync(string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@test.local";
        var admin = await browser.App.ActorForAsync(DemoCompany.AdminEmail);
        await Services<UserAdministration>().CreateUserAsync(admin, new NewUser(email, name, Roles.SalesRep, null, DemoCompany.Password));
        return email;
    }
}
