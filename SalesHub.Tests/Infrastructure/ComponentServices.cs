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
/// What every bUnit test of a SalesHub component needs: MudBlazor, resources, a test database and a
/// signed-in user on a live circuit. Add the test's own services first: this ends the registration.
/// </summary>
public static class ComponentServices
{
    public static void AddSalesHubComponentServices(this BunitContext context, TestDatabase database, AppUser user)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = context.Services;
        services.AddMudServices();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IChangeFeed>(database.ChangeFeed);
        services.AddSingleton<IDbContextFactory<SalesHubDbContext>>(database);
        services.AddScoped<ErrorMessages>();
        services.AddScoped<CurrentActor>();
        services.AddSingleton<AuthenticationStateProvider>(new SignedInUser(user));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
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
