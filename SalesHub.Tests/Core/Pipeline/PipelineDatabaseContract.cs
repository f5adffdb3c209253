using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Pipeline;

/// <summary>
/// What the pipeline needs from every supported database, through the app's own services on a real one
/// (separate connections, real concurrency): racing moves and stale rounds, and stale limits changed in SQL.
/// </summary>
public abstract class PipelineDatabaseContract(CoreServices core)
{
    [Fact]
    public async Task TwoMovesOfTheSameDealAtOnceLeaveOneWinnerAndOneHistoryRow()
    {
        var book = core.Get<OpportunityBook>();
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var stages = (await core.Get<PipelineStages>().ListAsync(rep)).ToDictionary(s => s.NameEn, s => s.Id);
        var customer = await CustomerAsync(rep);
        for (var i = 0; i < 8; i++)
        {
            var id = await book.CreateAsync(rep, new OpportunityDraft(customer, $"Race {i}", 1_000m, Today.AddDays(30), stages["Initial contact"]));
            var moves = new[] { (rep, stages["Demo"]), (manager, stages["Proposal"]) }.Select(move => Task.Run(async () =>
            {
                try
                {
                    await book.MoveAsync(move.Item1, id, new OpportunityMove(move.Item2), 1);
                    return (StageId: move.Item2, Error: (Exception?)null);
                }
                catch (ConcurrencyConflictException conflict)
                {
                    return (StageId: move.Item2, Error: (Exception?)conflict);
                }
            })).ToList();
            var outcomes = await Task.WhenAll(moves);

            var winner = Assert.Single(outcomes, o => o.Error is null);
            Assert.Single(outcomes, o => o.Error is ConcurrencyConflictException);
            var deal = await book.GetAsync(rep, id);
            Assert.Equal((winner.StageId, 2L), (deal.StageId, deal.Version));
            var moved = Assert.Single(await book.HistoryAsync(rep, id), h => h.FromStageId is not null);
            Assert.Equal(winner.StageId, moved.ToStageId);
        }
    }

    [Fact]
    public async Task TwoNodesRunningAStaleRoundAtOnceTellEachDealOnce()
    {
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var stages = (await core.Get<PipelineStages>().ListAsync(rep)).ToDictionary(s => s.NameEn, s => s.Id);
        var customer = await CustomerAsync(rep);
        var deals = core.Get<OpportunityBook>();
        for (var i = 0; i < 20; i++)
        {
            await deals.CreateAsync(rep, new OpportunityDraft(customer, $"Quiet {i}", 1_000m, Today.AddDays(30), stages["Negotiation"]));
        }

        // Two nodes a year on: every open deal with a stale limit is due on both.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(1));
        var factory = core.Get<IDbContextFactory<SalesHubDbContext>>();
        var nodes = new[] { new OpportunityBook(factory, later), new OpportunityBook(factory, later) };

        var told = await Task.WhenAll(nodes.Select(node => Task.Run(() => node.NotifyStaleAsync())));

        await using var db = await factory.CreateForAsync(Actor.System);
        var notified = await db.Notifications.IgnoreQueryFilters().Where(n => n.Kind == NotificationKind.OpportunityStale)
            .GroupBy(n => n.SubjectId).Select(g => g.Count()).ToListAsync();
        Assert.All(notified, count => Assert.Equal(1, count));
        Assert.Equal(notified.Count, told.Sum());
        Assert.True(told.Sum() >= 20);
    }

    [Fact]
    public async Task ANewStaleLimitCountsFromEachDealsLastActivityInTheDatabase()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var stages = core.Get<PipelineStages>();
        var name = $"Trial {Guid.NewGuid():N}"[..20];
        var stageId = await stages.CreateAsync(admin, new PipelineStageDetails(name, "试用", 50, PipelineStageKind.Open, 30));
        var id = await core.Get<OpportunityBook>().CreateAsync(rep, new OpportunityDraft(await CustomerAsync(rep), "Trial deal", 1_000m, Today.AddDays(30), stageId));

        await stages.UpdateAsync(admin, stageId, new PipelineStageDetails(name, "试用", 50, PipelineStageKind.Open, 2), 1);

        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal(deal.LastActivityAt.AddDays(2), deal.StaleAt);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<int> CustomerAsync(Actor owner) =>
        await core.Get<CustomerDirectory>().CreateAsync(owner, new NewCustomer(
            new CustomerDetails($"Race customer {Guid.NewGuid():N}", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null),
            IgnoreDuplicates: true));
}

public sealed class SqlitePipelineDatabaseTests(SqliteCoreServices core) : PipelineDatabaseContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresPipelineDatabaseTests(PostgresCoreServices core) : PipelineDatabaseContract(core), IClassFixture<PostgresCoreServices>;
