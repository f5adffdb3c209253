using System.Net;
using System.Net.Http.Headers;
using SalesHub.Core.Seeding;
using SalesHub.Web.Api;
using SalesHub.Web.Security;

namespace SalesHub.Web.Bench;

/// <summary>
/// The operations measured today, called over loopback HTTP the way a browser or an API client
/// calls them. Every call checks its answer (status, and the content that proves it worked).
/// </summary>
internal sealed class BenchScenarios : IDisposable
{
    private const string SessionCookie = "SalesHub.Session";

    // DemoCompany's name for rep1: the signed-in home page greets them by it.
    private const string RepDisplayName = "Rita Rep";

    private readonly Uri _baseAddress;
    private readonly HttpClient _api;
    private readonly CookieContainer _signInCookies = new();
    private readonly HttpClient _signInBrowser;
    private readonly HttpClient _signedInBrowser;
    private readonly HttpClient _managerBrowser;
    private IReadOnlyList<KeyValuePair<string, string>> _loginForm = [];
    private string _token = "";

    public BenchScenarios(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _api = new HttpClient { BaseAddress = baseAddress };
        _signInBrowser = Browser(_signInCookies);
        _signedInBrowser = Browser(new CookieContainer());
        _managerBrowser = Browser(new CookieContainer());
    }

    /// <summary>Signs in once each way, for the scenarios that need a signed-in caller, and lists them all.</summary>
    public async Task<IReadOnlyList<BenchScenario>> SignInAndListAsync()
    {
        _token = await RequestTokenAsync();
        await PostLoginFormAsync(_signedInBrowser, await FetchLoginFormAsync(_signedInBrowser, DemoCompany.Rep1Email, DemoCompany.Password));
        return
        [
            new("sign-in (API token)", RequestTokenAsync),
            new("sign-in (page form)", () => PostLoginFormAsync(_signInBrowser, _loginForm)) { PrepareAsync = StartAnonymousSignInAsync },
            new("home page (signed in)", GetHomePageAsync),
            new("GET /api/v1/me", GetMeAsync),
            new("/health", GetHealthAsync),
        ];
    }

    /// <summary>
    /// Signs in as the generated manager and lists the pipeline board page: <c>GET /pipeline</c>, prerendered
    /// with every column's totals and first cards, which with the board's query is what makes it interactive.
    /// </summary>
    public async Task<IReadOnlyList<BenchScenario>> SignInAndListPipelineAsync(BenchPipelineSample pipeline)
    {
        await PostLoginFormAsync(_managerBrowser, await FetchLoginFormAsync(_managerBrowser, pipeline.ManagerEmail, BenchCompany.Password));
        return [new("pipeline: board page (manager)", () => GetBoardPageAsync(pipeline.ManagerName))];
    }

    public void Dispose()
    {
        _api.Dispose();
        _signInBrowser.Dispose();
        _signedInBrowser.Dispose();
        _managerBrowser.Dispose();
    }

    // Cookies kept like a browser's, redirects not followed: the sign-in answer itself is measured.
    private static HttpClient Browser(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false });

    private async Task<string> RequestTokenAsync()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(DemoCompany.Rep1Email, DemoCompany.Password));
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<ApiToken>();
        return token?.Token is { Length: > 0 } value ? value : throw new UnexpectedResponseException("POST /api/v1/auth/token answered without a token.");
    }

    /// <summary>
    /// Forgets the previous iteration's session so that every form sign-in is a visitor's first,
    /// with an antiforgery token issued to an anonymous page view.
    /// </summary>
    private async Task StartAnonymousSignInAsync()
    {
        foreach (var cookie in _signInCookies.GetCookies(_baseAddress).Where(c => c.Name == SessionCookie))
        {
            cookie.Expired = true;
        }

        _loginForm = await FetchLoginFormAsync(_signInBrowser, DemoCompany.Rep1Email, DemoCompany.Password);
    }

    private async Task<IReadOnlyList<KeyValuePair<string, string>>> FetchLoginFormAsync(HttpClient browser, string email, string password)
    {
        using var response = await browser.GetAsync(new Uri(_baseAddress, "/Account/Login"));
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
        return LoginForm.Fill(await response.Content.ReadAsStringAsync(), email, password);
    }

    private async Task PostLoginFormAsync(HttpClient browser, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await browser.PostAsync(new Uri(_baseAddress, "/Account/Login"), content);
        await response.Content.ReadAsStringAsync();
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.Found);
        var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        if (!setCookies.Any(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal)))
        {
            throw new UnexpectedResponseException($"POST /Account/Login redirected without setting the {SessionCookie} cookie.");
        }
    }

    private async Task GetHomePageAsync()
    {
        using var response = await _signedInBrowser.GetAsync(_baseAddress);
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
        if (!(await response.Content.ReadAsStringAsync()).Contains(RepDisplayName, StringComparison.Ordinal))
        {
            throw new UnexpectedResponseException($"GET / answered without the signed-in user's name ({RepDisplayName}).");
        }
    }

    private async Task GetBoardPageAsync(string managerName)
    {
        using var response = await _managerBrowser.GetAsync(new Uri(_baseAddress, "/pipeline"));
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        if (!page.Contains(managerName, StringComparison.Ordinal) || !page.Contains("data-testid=\"deal-card\"", StringComparison.Ordinal))
        {
            throw new UnexpectedResponseException($"GET /pipeline answered without {managerName}'s board and its cards.");
        }
    }

    private async Task GetMeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _api.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
    }

    private async Task GetHealthAsync()
    {
        using var response = await _api.GetAsync("/health");
        await response.Content.ReadAsStringAsync();
        UnexpectedResponseException.ThrowUnless(response, HttpStatusCode.OK);
    }
}
