using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Security;

namespace SalesHub.Tests.Web.Api;

public sealed class ApiAuthenticationTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task HealthReportsTheDatabaseWithoutSignIn()
    {
        var response = await app.CreateApiClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Healthy", "reachable"), (body.GetProperty("status").GetString(), body.GetProperty("database").GetString()));
    }

    [Fact]
    public async Task ATokenOpensTheApiAsThatUser()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("Rita Rep", me.GetProperty("displayName").GetString());
        Assert.Equal(Roles.SalesRep, me.GetProperty("role").GetString());
        Assert.Equal("华东 East", me.GetProperty("teamName").GetString());
    }

    [Fact]
    public async Task TheTokenResponseSaysWhenItExpires()
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/v1/auth/token", new { email = DemoCompany.Rep2Email, password = DemoCompany.Password });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(7), DateTimeOffset.UtcNow.AddHours(9));
    }

    [Fact]
    public async Task WithoutATokenTheApiAnswers401ProblemDetails()
    {
        var response = await app.CreateApiClient().GetAsync("/api/v1/me");

        var problem = await ApiProblem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in required: send a bearer token.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedAndSaysSo()
    {
        var issuedYesterday = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        var tokens = new ApiTokens(
            app.Services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>(),
            app.Services.GetRequiredService<IOptions<SecurityOptions>>(),
            app.Services.GetRequiredService<SigningKey>(),
            issuedYesterday);
        await using var scope = app.Services.CreateAsyncScope();
        var token = await tokens.IssueAsync(await app.UserAsync(DemoCompany.Rep1Email));
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);

        var problem = await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        Assert.Equal("The access token has expired. Request a new one.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AGarbledTokenIsRefused()
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var problem = await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        Assert.Equal("The access token is not valid.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ADeactivatedUsersTokenStopsWorking()
    {
        var admin = await app.ActorForAsync(DemoCompany.AdminEmail);
        var administration = app.Services.GetRequiredService<UserAdministration>();
        var email = $"leaver.{Guid.NewGuid():N}@test.local";
        var id = await administration.CreateUserAsync(admin, new NewUser(email, "Leaver", Roles.SalesRep, null, DemoCompany.Password));
        var client = await app.CreateSignedInApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await administration.SetActiveAsync(admin, id, active: false, (await app.UserAsync(email)).Version);

        await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        var relogin = await app.CreateApiClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoCompany.Password });
        var problem = await ApiProblem.AssertAsync(relogin, HttpStatusCode.BadRequest);
        Assert.Equal("Login.Deactivated", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AWrongPasswordGetsALocalizedProblemAndRepeatedFailuresLockTheAccount()
    {
        var admin = await app.ActorForAsync(DemoCompany.AdminEmail);
        var email = $"target.{Guid.NewGuid():N}@test.local";
        await app.Services.GetRequiredService<UserAdministration>().CreateUserAsync(admin, new NewUser(email, "Target", Roles.SalesRep, null, DemoCompany.Password));
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var first = await ApiProblem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password!" }), HttpStatusCode.BadRequest);
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password!" });
        }

        var fifth = await ApiProblem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password!" }), HttpStatusCode.BadRequest);
        var evenRight = await ApiProblem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoCompany.Password }), HttpStatusCode.BadRequest);

        Assert.Equal(("Login.Invalid", "邮箱或密码错误。"), (first.GetProperty("code").GetString(), first.GetProperty("title").GetString()));
        Assert.Equal("Login.LockedOut", fifth.GetProperty("code").GetString());
        Assert.Equal("Login.LockedOut", evenRight.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{\"email\": ", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("email=a", "text/plain")]
    public async Task AMalformedOrMissingBodyIsAProblemNotACrash(string body, string contentType)
    {
        var response = await app.CreateApiClient().PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, contentType));

        var problem = await ApiProblem.AssertAsync(response, response.StatusCode);
        Assert.InRange((int)response.StatusCode, 400, 415);
        Assert.DoesNotContain("   at ", problem.ToString());
    }

    [Fact]
    public async Task AMissingFieldIsNamedInTheProblem()
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/v1/auth/token", new { email = DemoCompany.Rep1Email });

        var problem = await ApiProblem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Enter your password.", problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownApiRouteIs404ProblemDetails()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await app.CreateApiClient().GetAsync("/api/v2/me"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApiForSignedInCallers()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.False(paths.TryGetProperty("/culture/{culture}", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task PagesRequireSignInAndSendVisitorsToTheSignInPage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        var home = await client.GetAsync("/");
        var login = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
