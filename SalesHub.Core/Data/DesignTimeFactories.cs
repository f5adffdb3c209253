using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesHub.Core.Changes;

namespace SalesHub.Core.Data;

// Used by dotnet-ef only, to build each provider's model for its migrations.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesHubDbContext>
{
    public SqliteSalesHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalesHubDbContext>().UseSqlite("Data Source=design.db").Options,
            new InProcessChangeFeed(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesHubDbContext>
{
    public PostgresSalesHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSalesHubDbContext>().UseNpgsql("Host=localhost;Database=saleshub_design").Options,
            new InProcessChangeFeed(), TimeProvider.System);
}
