using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using SalesHub.Core.Data;

namespace SalesHub.Web.Bench;

/// <summary>
/// The real app, built as Program.cs builds it and started in-process on a free loopback port over
/// a fresh SQLite directory, so that measured requests cross the same middleware, Identity and EF
/// paths as production ones and no run sees another's data.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private BenchHost(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchHost> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("saleshub-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // appsettings.json beside the binaries, whatever directory the command runs from.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Added last, so these win over appsettings and environment variables: the bench never
        // touches a configured database.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Database:ConnectionString"] = "",
            ["Database:DataDirectory"] = dataDirectory,
            ["Database:SeedDemoData"] = "true",
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSalesHubWeb();

        var app = builder.Build();
        try
        {
            await app.UseSalesHubAsync();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server started without reporting its address.");
            return new BenchHost(app, dataDirectory, new Uri(address));
        }
        catch
        {
            await StopAsync(app, dataDirectory);
            throw;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(_app, _dataDirectory));

    private static async Task StopAsync(WebApplication app, string dataDirectory)
    {
        await app.StopAsync();
        await app.DisposeAsync();

        // Pooled connections keep the database file open, which blocks its deletion on Windows.
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
