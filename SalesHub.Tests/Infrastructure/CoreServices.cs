using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core;
using SalesHub.Core.Data;

namespace SalesHub.Tests.Infrastructure;

/// <summary>
/// Core's real service registration on a real database, migrated and seeded the way the app
/// starts: a temporary SQLite file, or a fresh database on the test PostgreSQL server.
/// </summary>
public abstract class CoreServices : IAsyncLifetime
{
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    protected abstract Dictionary<string, string?> Settings { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSalesHubCore(configuration);
        _services = services.BuildServiceProvider();
        await _services.InitializeDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await CleanUpAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected abstract Task CleanUpAsync();
}

public sealed class SqliteCoreServices : CoreServices
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "saleshub-tests", Guid.NewGuid().ToString("N"));

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataDirectory"] = _directory,
    };

    public string DatabasePath => Path.Combine(_directory, "saleshub.db");

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresCoreServices : CoreServices
{
    /// <summary>Set by the test command, which starts a PostgreSQL server on 127.0.0.1.</summary>
    public const string ServerVariable = "SALESHUB_TEST_POSTGRES";

    private readonly string _database = "saleshub_test_" + Guid.NewGuid().ToString("N")[..12];

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = $"{Server};Database={_database}",
    };

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with the README's test command, which starts PostgreSQL.");

    protected override async Task CleanUpAsync()
    {
        await using var db = await Get<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureDeletedAsync();
    }
}
