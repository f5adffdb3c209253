namespace SalesHub.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Full connection string; when empty, SQLite uses saleshub.db in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded database and other local state (keys, backups).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a SQLite writer waits for another to finish before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Seed the demo company when the database is empty.</summary>
    public bool SeedDemoData { get; set; } = true;

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "saleshub.db")}"
        : throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
}
