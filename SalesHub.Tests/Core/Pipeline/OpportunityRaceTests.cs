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

/// <summary>Moves and stale rounds racing on a real SQLite file through the app's own services: separate connections, real concurrency.</summary>
public sealed class OpportunityRaceTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
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

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<int> CustomerAsync(Actor owner) =>
        await core.Get<CustomerDirectory>().CreateAsync(owner, new NewCustomer(
            new CustomerDetails($"Race customer {Guid.NewGuid():N}", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null),
            IgnoreDuplicates: true));
}
