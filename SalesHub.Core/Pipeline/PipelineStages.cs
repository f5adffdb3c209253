using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Pipeline;

/// <summary>
/// The ordered stages of the pipeline. Everybody signed in reads them (every board and deal page does, so
/// the list is kept in memory while no stage changes, for a minute at most, as other nodes may change them);
/// administrators add, change, reorder and delete them. A stage that holds deals (deleted ones included)
/// cannot be deleted.
/// </summary>
public sealed class PipelineStages : IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<SalesHubDbContext> _dbFactory;
    private readonly IDisposable? _subscription;
    private readonly Lock _lock = new();
    private (IReadOnlyList<PipelineStageRow> Rows, long ReadAt)? _kept;
    private long _generation;

    /// <summary>Without a change feed the list is read each time.</summary>
    public PipelineStages(IDbContextFactory<SalesHubDbContext> dbFactory, IChangeFeed? changeFeed = null)
    {
        _dbFactory = dbFactory;
        _subscription = changeFeed?.Subscribe(OnChangesAsync);
    }

    /// <summary>The stages a new installation starts with (初步接触 … 输单), in order.</summary>
    public static IReadOnlyList<PipelineStageDetails> Defaults { get; } =
    [
        new("Initial contact", "初步接触", 10, PipelineStageKind.Open, 14),
        new("Needs analysis", "需求分析", 20, PipelineStageKind.Open, 14),
        new("Demo", "方案演示", 40, PipelineStageKind.Open, 10),
        new("Proposal", "报价", 60, PipelineStageKind.Open, 10),
        new("Negotiation", "谈判", 80, PipelineStageKind.Open, 7),
        new("Won", "赢单", 100, PipelineStageKind.Won, null),
        new("Lost", "输单", 0, PipelineStageKind.Lost, null),
    ];

    /// <summary>Adds the default stages when there are none; run at start-up after the migrations, whatever the data.</summary>
    public static async Task SeedDefaultsAsync(SalesHubDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.PipelineStages.AnyAsync(cancellationToken))
        {
            return;
        }

        for (var i = 0; i < Defaults.Count; i++)
        {
            var stage = new PipelineStage { SortOrder = i + 1 };
            stage.Describe(Defaults[i]);
            db.PipelineStages.Add(stage);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The stages in order, names and rules only: what every page and the board need, one small query.</summary>
    public async Task<IReadOnlyList<PipelineStageRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        long generation;
        lock (_lock)
        {
            if (_kept is { } kept && Environment.TickCount64 - kept.ReadAt < KeptFor.TotalMilliseconds)
            {
                return kept.Rows;
            }

            generation = _generation;
        }

        await using var db = await _dbFactory.CreateForAsync(actor);
        var rows = await RowsAsync(db, cancellationToken);
        lock (_lock)
        {
            // A change saved while this read ran may be missing from it.
            if (_subscription is not null && generation == _generation)
            {
                _kept = (rows, Environment.TickCount64);
            }
        }

        return rows;
    }

    /// <summary>
    /// The stages with how many deals of the whole company (deleted ones too) are in each, for administrators
    /// deciding what to delete; one grouped count.
    /// </summary>
    public async Task<IReadOnlyList<PipelineStageRow>> ListWithCountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await _dbFactory.CreateForAsync(actor);
        var stages = await RowsAsync(db, cancellationToken);
        var counts = await db.Opportunities.IgnoreQueryFilters().GroupBy(o => o.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.StageId, c => c.Count, cancellationToken);
        return [.. stages.Select(s => s with { OpportunityCount = counts.GetValueOrDefault(s.Id) })];
    }

    /// <summary>Adds a stage after the existing ones.</summary>
    public async Task<int> CreateAsync(Actor actor, PipelineStageDetails details, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        var stage = new PipelineStage();
        stage.Describe(details);
        await using var db = await _dbFactory.CreateForAsync(actor);
        stage.SortOrder = (await db.PipelineStages.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0) + 1;
        db.PipelineStages.Add(stage);
        await db.SaveChangesAsync(cancellationToken);
        return stage.Id;
    }

    /// <summary>
    /// Changes a stage. Its deals keep their probabilities; a new stale limit applies to its open deals at
    /// once. A stage holding deals keeps its kind: turning open deals into won ones is a move, not a setting.
    /// </summary>
    public async Task UpdateAsync(Actor actor, int id, PipelineStageDetails details, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        ArgumentNullException.ThrowIfNull(details);
        await using var db = await _dbFactory.CreateForAsync(actor);
        var stage = await EditableAsync(db, id, expectedVersion, cancellationToken);
        if (details.Kind != stage.Kind && await InUseAsync(db, id, cancellationToken))
        {
            throw new DomainException("PipelineStages.KindInUse") { Field = "kind" };
        }

        var staleAfter = stage.StaleAfterDays;
        stage.Describe(details);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (stage.StaleAfterDays != staleAfter)
        {
            await RefreshStaleAtAsync(db, stage, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await _dbFactory.CreateForAsync(actor);
        var stage = await EditableAsync(db, id, expectedVersion, cancellationToken);
        if (await InUseAsync(db, id, cancellationToken))
        {
            throw new DomainException("PipelineStages.InUse") { Field = "stageId" };
        }

        db.PipelineStages.Remove(stage);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Puts the stages in the order given, which must name each stage once.</summary>
    public async Task ReorderAsync(Actor actor, IReadOnlyList<int> orderedIds, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        ArgumentNullException.ThrowIfNull(orderedIds);
        await using var db = await _dbFactory.CreateForAsync(actor);
        var stages = await db.PipelineStages.ToListAsync(cancellationToken);
        if (orderedIds.Count != stages.Count || orderedIds.Distinct().Count() != stages.Count || stages.Any(s => !orderedIds.Contains(s.Id)))
        {
            throw new DomainException("PipelineStages.InvalidOrder") { Field = "stageIds" };
        }

        foreach (var stage in stages)
        {
            stage.SortOrder = orderedIds.ToList().IndexOf(stage.Id) + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public void Dispose() => _subscription?.Dispose();

    private Task OnChangesAsync(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Any(c => c.EntityType == nameof(PipelineStage)))
        {
            lock (_lock)
            {
                (_kept, _generation) = (null, _generation + 1);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<List<PipelineStageRow>> RowsAsync(SalesHubDbContext db, CancellationToken cancellationToken) =>
        await db.PipelineStages.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new PipelineStageRow(s.Id, s.NameEn, s.NameZh, s.SortOrder, s.DefaultProbability, s.Kind, s.StaleAfterDays, null, s.Version))
            .ToListAsync(cancellationToken);

    private static async Task<PipelineStage> EditableAsync(SalesHubDbContext db, int id, long expectedVersion, CancellationToken cancellationToken)
    {
        var stage = await db.PipelineStages.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(PipelineStage), id);
        db.Entry(stage).Property(s => s.Version).OriginalValue = expectedVersion;
        return stage;
    }

    /// <summary>
    /// Every deal of the stage (deleted ones too, for their restore) turns stale against the stage's new limit,
    /// counted from its last activity as <see cref="Opportunity.RefreshStaleAt"/> does, in one statement.
    /// </summary>
    private static async Task RefreshStaleAtAsync(SalesHubDbContext db, PipelineStage stage, CancellationToken cancellationToken)
    {
        var deals = db.Opportunities.IgnoreQueryFilters().Where(o => o.StageId == stage.Id);
        if (stage is not { IsOpen: true, StaleAfterDays: { } days })
        {
            await deals.ExecuteUpdateAsync(s => s.SetProperty(o => o.StaleAt, (DateTimeOffset?)null), cancellationToken);
        }
        else if (db.Database.IsSqlite())
        {
            // SQLite keeps times as DateTimeOffsetToBinaryConverter's numbers, where whole days are one fixed step
            // (the offset sits in the low bits), and has no date arithmetic on them.
            var converter = new DateTimeOffsetToBinaryConverter();
            var step = (long)converter.ConvertToProvider(DateTimeOffset.UnixEpoch.AddDays(days))! - (long)converter.ConvertToProvider(DateTimeOffset.UnixEpoch)!;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"Opportunities\" SET \"StaleAt\" = \"LastActivityAt\" + {step} WHERE \"StageId\" = {stage.Id}", cancellationToken);
        }
        else
        {
            await deals.ExecuteUpdateAsync(s => s.SetProperty(o => o.StaleAt, o => o.LastActivityAt.AddDays(days)), cancellationToken);
        }
    }

    // Deleted deals count: restoring one must find its stage; so does the stage history.
    private static async Task<bool> InUseAsync(SalesHubDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Opportunities.IgnoreQueryFilters().AnyAsync(o => o.StageId == id, cancellationToken)
        || await db.OpportunityStageChanges.AnyAsync(c => c.FromStageId == id || c.ToStageId == id, cancellationToken);
}
