using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Security;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>
/// bUnit set up the way the app's components expect: MudBlazor with loose JS interop, English
/// resources, an interactive renderer, and a <see cref="TestDatabase"/> behind the Core services.
/// A test registers the services its component injects, then signs a user in.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<IChangeFeed>(Database.ChangeFeed);
        Services.AddSingleton<IDbContextFactory<SalesHubDbContext>>(Database);
        Services.AddScoped<ErrorMessages>();
        Services.AddScoped<CurrentActor>();
    }

    protected TestDatabase Database { get; } = new();

    /// <summary>
    /// Signs <paramref name="user"/> in and makes the renderer interactive; this starts the
    /// renderer, so the test's own services must be registered before.
    /// </summary>
    protected void SignIn(AppUser user)
    {
        Services.AddSingleton<AuthenticationStateProvider>(new SignedInUser(user));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // Some MudBlazor services (the radio's) only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }

    private sealed class SignedInUser(AppUser user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                    new Claim(ClaimTypes.Role, user.Role),
                    new Claim(SalesHubClaims.DisplayName, user.DisplayName),
                ],
                "test"))));
    }
}
