using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>A business record used only to exercise the record rules every real record gets.</summary>
public sealed class Widget : BusinessRecord
{
    public string Name { get; set; } = "";

    public int Quantity { get; set; }
}

/// <summary>The real context plus <see cref="Widget"/>, on SQLite.</summary>
public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options, IChangeFeed changeFeed, TimeProvider clock)
    : SalesHubDbContext(options, changeFeed, clock)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteSalesHubDbContext.ApplySqliteConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Widget>().Property(w => w.Name).HasMaxLength(100);
        base.OnModelCreating(builder);
    }
}

/// <summary>
/// An in-memory SQLite database (the connection stays open for the test's life) holding the
/// whole model, with a controllable clock, a real in-process change feed, and a folder of its own
/// for attachment files.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SalesHubDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<WidgetDbContext> _options;

    public TestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<WidgetDbContext>().UseSqlite(_connection).Options;
        using var db = CreateWidgetContext(Actor.System);
        db.Database.EnsureCreated();
        foreach (var statement in CustomerSearch.SqliteCreate)
        {
            db.Database.ExecuteSqlRaw(statement);
        }
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public InProcessChangeFeed ChangeFeed { get; } = new();

    public SalesHubDbContext CreateDbContext() => CreateWidgetContext(Actor.Nobody);

    public WidgetDbContext CreateWidgetContext(Actor actor) => new(_options, ChangeFeed, Clock) { Actor = actor };

    /// <summary>Where <see cref="CreateAttachments"/> keeps files; removed with the database.</summary>
    public string AttachmentFolder { get; } = Path.Combine(Path.GetTempPath(), "saleshub-tests", Guid.NewGuid().ToString("N"));

    public CustomerAttachments CreateAttachments(long maxBytes = 1024 * 1024) =>
        new(this, Options.Create(new AttachmentOptions { StorageDirectory = AttachmentFolder, MaxBytes = maxBytes }));

    public void Dispose()
    {
        _connection.Dispose();
        if (Directory.Exists(AttachmentFolder))
        {
            Directory.Delete(AttachmentFolder, recursive: true);
        }
    }
}
