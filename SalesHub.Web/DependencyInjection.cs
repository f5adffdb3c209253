using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using SalesHub.Core;
using SalesHub.Core.Data;
using SalesHub.Web.Api;
using SalesHub.Web.Components;
using SalesHub.Web.Contracts;
using SalesHub.Web.Customers;
using SalesHub.Web.Documents;
using SalesHub.Web.Hosting;
using SalesHub.Web.Localization;
using SalesHub.Web.Pipeline;
using SalesHub.Web.Presence;
using SalesHub.Web.Quoting;
using SalesHub.Web.Security;

namespace SalesHub.Web;

public static class DependencyInjection
{
    public static void AddSalesHubWeb(this WebApplicationBuilder builder)
    {
        // Serve framework and MudBlazor assets from the build output in every environment (a
        // published app has them in wwwroot and this does nothing).
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSalesHubCore(builder.Configuration)
            .AddSignInManager<SalesHubSignInManager>();
        services.AddSalesHubAuthentication(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Messages at the bottom, away from the page's action buttons in its top right corner.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<ErrorMessages>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RecordPresence>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi("v1", o => o.AddOperationTransformer(ListParameterDocumentation.DescribeAsync));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfPrinter>();
        services.AddSingleton<QuotePdfs>();
        services.AddHostedService<PdfPrinterWarmUp>();
        AddRecurringJob<QuoteExpiry, QuoteExpiryOptions>(services, builder.Configuration, QuoteExpiryOptions.Section, o => o.Interval);
        AddRecurringJob<StaleDealAlerts, StaleDealAlertsOptions>(services, builder.Configuration, StaleDealAlertsOptions.Section, o => o.Interval);
        AddRecurringJob<ContractRenewals, ContractRenewalsOptions>(services, builder.Configuration, ContractRenewalsOptions.Section, o => o.Interval);

        var dataDirectory = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataDirectory ?? "data";
        services.AddDataProtection()
            .SetApplicationName("SalesHub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDirectory), "keys")));
    }

    public static async Task UseSalesHubAsync(this WebApplication app)
    {
        await app.Services.InitializeDatabaseAsync();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                app.Logger.LogInformation("SalesHub is running at {Url}", url);
            }
        });

        // Localization first: error responses speak the caller's language too.
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Cultures.English);
            o.SupportedCultures = [.. Cultures.Supported];
            o.SupportedUICultures = [.. Cultures.Supported];
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        app.UseStatusCodePages(StatusCodePages.WriteAsync);
        app.UseUnknownApiRoutes();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")),
            RequestPath = "/assets",
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(AuthenticationSetup.SignedInPolicy);
        app.MapSiteEndpoints();
        app.MapCustomerExport();
        app.MapSalesHubApi();
        app.MapAttachmentDownloads();
        app.MapContractAttachmentDownloads();
        app.MapCompanyLogo();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>A <see cref="RecurringJob"/> run as a hosted service, with its settings section checked at start-up.</summary>
    private static void AddRecurringJob<TJob, TOptions>(IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, TimeSpan> interval)
        where TJob : RecurringJob
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section))
            .Validate(o => interval(o) > TimeSpan.Zero, $"{section}:Interval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<TJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TJob>());
    }
}
