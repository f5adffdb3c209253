using System.Globalization;
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
/// resources, snackbars without transitions, an interactive renderer, and a <see cref="TestDatabase"/> behind the Core services.
/// A test registers the services its component injects, then signs a user in.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = o.SnackbarConfiguration.HideTransitionDuration = 0);
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
}
