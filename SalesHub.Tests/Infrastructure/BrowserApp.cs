using Microsoft.Playwright;
using SalesHub.Core.Seeding;

namespace SalesHub.Tests.Infrastructure;

/// <summary>
/// The real app (see <see cref="TestApp"/>) and one headless Chromium (Debian's, or
/// SALESHUB_CHROMIUM) for a class of browser tests. Each test gets fresh browser contexts; a test
/// that fails leaves a screenshot of every page it had open in artifacts/screenshots.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestApp App { get; } = new();

    /// <summary>The repository's artifacts folder (git-ignored), where tests leave what they measured or saw.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesHub.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts");
        }
    }

    public static string ScreenshotDirectory => Path.Combine(ArtifactsDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SALESHUB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Runs a browser test; on failure, saves screenshots of its pages and rethrows.</summary>
    public async Task RunAsync(string testName, Func<BrowserSession, Task> test)
    {
        await using var session = new BrowserSession(_browser!, App.BaseAddress);
        try
        {
            await test(session);
        }
        catch
        {
            await session.ScreenshotAllAsync(Path.Combine(ScreenshotDirectory, testName));
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

/// <summary>The pages one browser test opened, each in its own context (its own cookies).</summary>
public sealed class BrowserSession(IBrowser browser, Uri baseAddress) : IAsyncDisposable
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly List<IPage> _pages = [];

    public async Task<IPage> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>Opens a page signed in as <paramref name="email"/>, on the home page with a live circuit.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoCompany.Password, ViewportSize? viewport = null)
    {
        var page = await OpenAsync(viewport);
        await page.GotoAsync("/Account/Login");
        await SubmitLoginAsync(page, email, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Waits for the marker the layout renders once the circuit is interactive.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Opens <paramref name="path"/>, waits until <paramref name="shownTestId"/> shows, and asserts that the page does not scroll sideways.</summary>
    public static async Task AssertFitsAsync(IPage page, string path, string shownTestId)
    {
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId(shownTestId).First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= page.ViewportSize!.Width, $"{path} scrolls sideways ({width}px wide).");
    }

    /// <summary>The input (or multi-line text area) of a MudBlazor field or a plain input carrying the test id.</summary>
    public static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input, textarea[data-testid='{testId}']").First;

    public async Task ScreenshotAllAsync(string pathPrefix)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pathPrefix)!);
        for (var i = 0; i < _pages.Count; i++)
        {
            await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = $"{pathPrefix}-{i + 1}.png", FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
