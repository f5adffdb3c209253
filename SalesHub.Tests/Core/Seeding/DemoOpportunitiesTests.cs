using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo deals a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoOpportunitiesTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task DealsFillEveryStageInBothLanguagesWithLostReasonsAndStaleOnes()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var book = core.Get<OpportunityBook>();
        var stages = await core.Get<PipelineStages>().ListAsync(admin);

        var deals = (await book.ListAsync(admin, new OpportunityQuery { PageSize = OpportunityBook.MaxPageSize })).Items;
        var views = await Task.WhenAll(deals.Select(d => book.GetAsync(admin, d.Id)));

        Assert.Equal(stages.Select(s => s.Id).Order(), deals.Select(d => d.StageId).Distinct().Order());
        Assert.Contains(deals, d => d.Name.Any(c => c > 0x4E00));
        Assert.Contains(deals, d => d.Name.StartsWith("Submersible", StringComparison.Ordinal));
        Assert.All(views.Where(v => v.StageKind == PipelineStageKind.Lost), v => Assert.False(string.IsNullOrEmpty(v.LostReason)));
        Assert.True(deals.Count(d => d.IsStale) >= 3);
        // Sam's two seeded deals, and the one his converted demo lead brought.
        Assert.Equal(3, (await book.ListAsync(await core.Services.ActorForAsync(DemoCompany.Rep3Email), new OpportunityQuery())).Total);
    }

    [Fact]
    public async Task ClosedDealsCarryTheirWholeStageHistory()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var book = core.Get<OpportunityBook>();
        var closed = (await book.ListAsync(admin, new OpportunityQuery { Open = false })).Items;
        Assert.NotEmpty(closed);

        foreach (var deal in closed)
        {
            var history = await book.HistoryAsync(admin, deal.Id);
            Assert.Null(history[0].FromStageId);
            Assert.Equal(deal.StageId, history[^1].ToStageId);
            Assert.True(history.Count >= 3);
        }
    }
}
