using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;

namespace SalesHub.Core.Data;

// Each provider has its own context type only so that each has its own migrations.

public sealed class SqliteSalesHubDbContext(DbContextOptions<SqliteSalesHubDbContext> options, IChangeFeed changeFeed, TimeProvider clock)
    : SalesHubDbContext(options, changeFeed, clock)
{
    /// <summary>SQLite has no date type: stored as a number, times sort and compare in SQL.</summary>
    public static void ApplySqliteConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ApplySqliteConventions(configurationBuilder);
}

public sealed class PostgresSalesHubDbContext(DbContextOptions<PostgresSalesHubDbContext> options, IChangeFeed changeFeed, TimeProvider clock)
    : SalesHubDbContext(options, changeFeed, clock)
{
    /// <summary>The customer search's trigram index (SQLite's counterpart is a table of its own, see <see cref="CustomerSearch"/>).</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Customer>()
            .HasIndex(c => c.SearchText, CustomerSearch.PostgresIndex)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");
    }
}

/// <summary>Hands out the configured provider's context as the shared <see cref="SalesHubDbContext"/>.</summary>
internal sealed class SalesHubDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SalesHubDbContext>
    where TContext : SalesHubDbContext
{
    public SalesHubDbContext CreateDbContext() => inner.CreateDbContext();
}
