using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Company;

/// <summary>A number series as the settings page shows it, with an example of its next form.</summary>
public sealed record NumberSeriesView(NumberSeriesKind Kind, string Prefix, bool IncludeYear, int Digits, string Example, long Version);

/// <summary>Reads and, for administrators, changes how documents are numbered.</summary>
public sealed class NumberSeriesSettings(IDbContextFactory<SalesHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<NumberSeriesView> GetAsync(Actor actor, NumberSeriesKind kind, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return View(await SeriesAsync(db, kind, cancellationToken));
    }

    public async Task UpdateAsync(
        Actor actor, NumberSeriesKind kind, string? prefix, bool includeYear, int digits, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var series = await SeriesAsync(db, kind, cancellationToken);
        db.Entry(series).Property(s => s.Version).OriginalValue = expectedVersion;
        series.Describe(prefix, includeYear, digits);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static async Task<NumberSeries> SeriesAsync(SalesHubDbContext db, NumberSeriesKind kind, CancellationToken cancellationToken) =>
        await db.NumberSeries.SingleOrDefaultAsync(s => s.Kind == kind, cancellationToken)
        ?? throw new RecordNotFoundException(nameof(NumberSeries), (int)kind);

    private NumberSeriesView View(NumberSeries series)
    {
        var head = series.Head(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new(series.Kind, series.Prefix, series.IncludeYear, series.Digits, NumberSeries.Format(head, 1, series.Digits), series.Version);
    }
}
