using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;

namespace SalesHub.Core.Data;

/// <summary>Brings the database to the current schema at start-up and seeds the demo company once.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Readers never wait for a writer, and a writer never waits for readers.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }

            // Configuration every installation needs, demo data or not.
            db.Actor = Security.Actor.System;
            await PipelineStages.SeedDefaultsAsync(db, cancellationToken);
        }

        if (options.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            await DemoCompany.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
