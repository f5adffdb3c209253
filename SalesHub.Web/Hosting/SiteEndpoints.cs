using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Hosting;

/// <summary>The few plain HTTP endpoints beside the pages and the API.</summary>
internal static class SiteEndpoints
{
    public const string ThemeCookie = "SalesHub.Theme";
    public const string TimeZoneCookie = "SalesHub.TimeZone";

    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteAsync }).AllowAnonymous();
        var site = app.MapGroup("").ExcludeFromDescription();

        // The language switch: remembers the choice in the culture cookie and goes back.
        site.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Cultures.IsSupported(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).AllowAnonymous();

        // A form post (with its antiforgery token) from the user menu.
        site.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, SignInManager<Core.Security.AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/Account/Login");
        });
    }

    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
