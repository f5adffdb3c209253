using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Pipeline;

public sealed class OpportunityBookTests : IDisposable
{
    private readonly PipelineCompany _company = new();

    private OpportunityBook Deals => _company.Deals;

    private Actor Rita => Actor.For(_company.Rita);

    private int Stage(string name) => _company.StageIds[name];

    [Fact]
    public async Task ANewDealTakesItsStagesProbabilityAndStartsItsHistory()
    {
        var id = await Deals.CreateAsync(Rita, _company.Draft(stage: "Demo") with { Competitor = "Grundfos", NextStep = "Site visit" });

        var deal = await Deals.GetAsync(Rita, id);
        Assert.Equal(("上海华联有限公司", 40, 4000m, _company.Rita.Id, "Rita", true), (deal.CustomerName, deal.Probability, deal.WeightedAmount, deal.OwnerId, deal.OwnerName, deal.CanEdit));
        Assert.Equal(("Grundfos", "Site visit", _company.Database.Clock.GetUtcNow()), (deal.Competitor, deal.NextStep, deal.LastActivityAt));
        var history = await Deals.HistoryAsync(Rita, id);
        Assert.Equal([((int?)null, Stage("Demo"), "Rita")], history.Select(h => (h.FromStageId, h.ToStageId, h.ChangedByName)));
    }

    [Fact]
    public async Task ADealForACustomerTheActorDoesNotSeeIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Deals.CreateAsync(Rita, _company.Draft(customerId: _company.SamsCustomer.Id)));

        Assert.Equal(("Opportunities.UnknownCustomer", "customerId"), (error.Code, error.Field));
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        Assert.False(await db.Opportunities.IgnoreQueryFilters().AnyAsync());
    }

    [Fact]
    public async Task AMoveAndAnEditRunTheSameStageRulesAndRecordEachChange()
    {
        var id = await _company.AddDealAsync(_company.Rita);
        _company.Database.Clock.Advance(TimeSpan.FromHours(1));

        await Deals.MoveAsync(Rita, id, new OpportunityMove(Stage("Proposal")), 1);
        var lost = await Assert.ThrowsAsync<DomainException>(() => Deals.MoveAsync(Rita, id, new OpportunityMove(Stage("Lost")), 2));
        var edit = await Assert.ThrowsAsync<DomainException>(() => Deals.UpdateAsync(Rita, id, _company.Draft(stage: "Lost"), 2));
        await Deals.UpdateAsync(Rita, id, _company.Draft(stage: "Lost") with { LostReason = "Went with a competitor" }, 2);
        var reopen = await Assert.ThrowsAsync<DomainException>(() => Deals.MoveAsync(Rita, id, new OpportunityMove(Stage("Demo")), 3));
        await Deals.MoveAsync(Rita, id, new OpportunityMove(Stage("Demo"), Probability: 30, Reopen: true), 3);

        Assert.Equal(["Opportunities.LostReasonRequired", "Opportunities.LostReasonRequired", "Opportunities.ReopenRequired"], new[] { lost, edit, reopen }.Select(e => e.Code));
        var deal = await Deals.GetAsync(Rita, id);
        Assert.Equal((Stage("Demo"), 30, (string?)null, 4L), (deal.StageId, deal.Probability, deal.LostReason, deal.Version));
        var history = await Deals.HistoryAsync(Rita, id);
        Assert.Equal(
            [((int?)null, Stage("Initial contact")), (Stage("Initial contact"), Stage("Proposal")), (Stage("Proposal"), Stage("Lost")), (Stage("Lost"), Stage("Demo"))],
            history.Select(h => (h.FromStageId, h.ToStageId)));
    }

    [Fact]
    public async Task AStaleSaveIsAConflictNamingWhatChanged()
    {
        var id = await _company.AddDealAsync(_company.Rita);
        await Deals.MoveAsync(Actor.For(_company.Martin), id, new OpportunityMove(Stage("Demo")), 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Deals.MoveAsync(Rita, id, new OpportunityMove(Stage("Proposal")), 1));

        Assert.Contains(conflict.InterveningChanges.SelectMany(c => c.Changes), f => f.Field == nameof(Opportunity.StageId));
        Assert.Single(await Deals.HistoryAsync(Rita, id), h => h.ToStageId == Stage("Demo"));
        Assert.DoesNotContain(await Deals.HistoryAsync(Rita, id), h => h.ToStageId == Stage("Proposal"));
    }

    [Fact]
    public async Task RepsSeeTheirOwnDealsManagersTheirTeamsAdminsAll()
    {
        var ritas = await _company.AddDealAsync(_company.Rita);
        var sams = await _company.AddDealAsync(_company.Sam);

        Assert.Equal([ritas], (await Deals.ListAsync(Rita, new OpportunityQuery())).Items.Select(d => d.Id));
        Assert.Equal([ritas], (await Deals.ListAsync(Actor.For(_company.Martin), new OpportunityQuery())).Items.Select(d => d.Id));
        Assert.Equal(2, (await Deals.ListAsync(Actor.For(_company.Admin), new OpportunityQuery())).Total);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.GetAsync(Rita, sams));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.MoveAsync(Rita, sams, new OpportunityMove(Stage("Demo")), 1));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.DeleteAsync(Actor.For(_company.Ray), ritas, 1));
        await Deals.MoveAsync(Actor.For(_company.Martin), ritas, new OpportunityMove(Stage("Demo")), 1);
    }

    [Fact]
    public async Task ListsFilterSortAndPageInTheDatabase()
    {
        await _company.AddDealAsync(_company.Rita, "Valves", 500m, "Demo");
        await _company.AddDealAsync(_company.Rita, "Pumps", 20_000m, "Proposal");
        await _company.AddDealAsync(_company.Rita, "Motors", 8_000m, "Proposal");
        var query = new OpportunityQuery { StageId = Stage("Proposal"), MinAmount = 1_000m, Sort = "-amount", PageSize = 1 };

        var page = await Deals.ListAsync(Rita, query);

        Assert.Equal((2, "Pumps"), (page.Total, page.Items.Single().Name));
        Assert.Equal(["Motors"], (await Deals.ListAsync(Rita, query with { Page = 2 })).Items.Select(d => d.Name));
        Assert.Equal(["Valves"], (await Deals.ListAsync(Rita, new OpportunityQuery { Search = "valv" })).Items.Select(d => d.Name));
        Assert.Equal(3, (await Deals.ListAsync(Rita, new OpportunityQuery { Search = "华联" })).Total);
        Assert.Equal(0, (await Deals.ListAsync(Rita, new OpportunityQuery { CloseTo = _company.Today })).Total);
        var sort = await Assert.ThrowsAsync<DomainException>(() => Deals.ListAsync(Rita, new OpportunityQuery { Sort = "colour" }));
        Assert.Equal("sort", sort.Field);
    }

    [Fact]
    public async Task TheBoardSumsEachOpenStageAndShowsTheFirstCards()
    {
        await _company.AddDealAsync(_company.Rita, "A", 1_000m, "Demo");
        await _company.AddDealAsync(_company.Rita, "B", 2_000.50m, "Demo");
        await _company.AddDealAsync(_company.Rita, "C", 3_000m, "Demo");
        await _company.AddDealAsync(_company.Rita, "D", 4_000m, "Negotiation");
        var won = await _company.AddDealAsync(_company.Rita, "E", 9_000m, "Won");
        await _company.AddDealAsync(_company.Sam, "F", 5_000m, "Demo");

        var board = await Deals.BoardAsync(Rita, new OpportunityQuery(), cardsPerColumn: 2);

        Assert.Equal([Stage("Initial contact"), Stage("Needs analysis"), Stage("Demo"), Stage("Proposal"), Stage("Negotiation")], board.Columns.Select(c => c.StageId));
        var demo = board.Columns.Single(c => c.StageId == Stage("Demo"));
        Assert.Equal((3, 6_000.50m, 2_400.20m), (demo.Count, demo.Amount, demo.WeightedAmount));
        Assert.Equal(2, demo.Cards.Count);
        var negotiation = board.Columns.Single(c => c.StageId == Stage("Negotiation"));
        Assert.Equal((1, 4_000m, 3_200m), (negotiation.Count, negotiation.Amount, negotiation.WeightedAmount));
        var more = await Deals.ColumnAsync(Rita, new OpportunityQuery(), Stage("Demo"), after: demo.Cards[^1], take: 2);
        Assert.Single(more);
        Assert.DoesNotContain(board.Columns.SelectMany(c => c.Cards), c => c.Id == won);
    }

    [Fact]
    public async Task LoadingMoreCardsGoesOnAfterTheLastCardShownWhateverMovedMeanwhile()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Deals.CreateAsync(Rita, _company.Draft($"Deal {i}", stage: "Demo") with { ExpectedCloseDate = _company.Today.AddDays(10 + i) }));
        }

        var first = (await Deals.BoardAsync(Rita, new OpportunityQuery(), cardsPerColumn: 2)).Columns.Single(c => c.StageId == Stage("Demo")).Cards;
        Assert.Equal(ids[..2], first.Select(c => c.Id));
        // The first card shown leaves the column: counting would now skip "Deal 2".
        await Deals.MoveAsync(Rita, ids[0], new OpportunityMove(Stage("Proposal")), 1);

        var more = await Deals.ColumnAsync(Rita, new OpportunityQuery(), Stage("Demo"), first[^1], take: 2);
        var byName = await Deals.ColumnAsync(Rita, new OpportunityQuery { Sort = "-name" }, Stage("Demo"), first[^1] with { Name = "Deal 3" }, take: 5);

        Assert.Equal(ids[2..4], more.Select(c => c.Id));
        Assert.Equal(["Deal 2", "Deal 1"], byName.Select(c => c.Name));
    }

    [Fact]
    public async Task AReloadedBoardShowsAsManyCardsAsEachColumnHad()
    {
        for (var i = 0; i < 4; i++)
        {
            await _company.AddDealAsync(_company.Rita, $"Demo {i}", stage: "Demo");
            await _company.AddDealAsync(_company.Rita, $"Proposal {i}", stage: "Proposal");
        }

        var board = await Deals.BoardAsync(Rita, new OpportunityQuery(), cardsPerColumn: 1, shown: new Dictionary<int, int> { [Stage("Demo")] = 3 });

        Assert.Equal(3, board.Columns.Single(c => c.StageId == Stage("Demo")).Cards.Count);
        Assert.Equal(["Proposal 0"], board.Columns.Single(c => c.StageId == Stage("Proposal")).Cards.Select(c => c.Name));
    }

    [Fact]
    public async Task LoadingMoreAfterACardOfAnotherColumnIsRefused()
    {
        await _company.AddDealAsync(_company.Rita, "A", stage: "Demo");
        var card = (await Deals.ListAsync(Rita, new OpportunityQuery())).Items.Single();

        var error = await Assert.ThrowsAsync<DomainException>(() => Deals.ColumnAsync(Rita, new OpportunityQuery(), Stage("Proposal"), card));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Deals.ColumnAsync(Rita, new OpportunityQuery(), Stage("Demo"), card with { Id = 0 }));

        Assert.Equal(("Errors.InvalidPage", "after"), (error.Code, error.Field));
        Assert.Equal(("Errors.InvalidPage", "after"), (unknown.Code, unknown.Field));
    }

    [Theory]
    [InlineData(5_000, 1_000, null, null, "Opportunities.InvalidAmountRange", "maxAmount")]
    [InlineData(null, null, 10, 5, "Opportunities.InvalidClosePeriod", "closeTo")]
    public async Task AnEmptyAmountRangeOrClosePeriodIsRefusedNamingTheField(int? min, int? max, int? fromDays, int? toDays, string code, string field)
    {
        var query = new OpportunityQuery
        {
            MinAmount = min, MaxAmount = max,
            CloseFrom = fromDays is { } from ? _company.Today.AddDays(from) : null, CloseTo = toDays is { } to ? _company.Today.AddDays(to) : null,
        };

        var list = await Assert.ThrowsAsync<DomainException>(() => Deals.ListAsync(Rita, query));
        var board = await Assert.ThrowsAsync<DomainException>(() => Deals.BoardAsync(Rita, query));

        Assert.Equal((code, field), (list.Code, list.Field));
        Assert.Equal((code, field), (board.Code, board.Field));
    }

    [Fact]
    public async Task CardsAndRowsFlagStaleDeals()
    {
        await _company.AddDealAsync(_company.Rita, "Old", 1m, "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(8));
        await _company.AddDealAsync(_company.Rita, "New", 1m, "Negotiation");

        var cards = (await Deals.BoardAsync(Rita, new OpportunityQuery())).Columns.SelectMany(c => c.Cards);

        Assert.Equal([("New", false), ("Old", true)], cards.OrderBy(c => c.Name).Select(c => (c.Name, c.IsStale)));
    }

    [Fact]
    public async Task AnInteractionWithTheCustomerIsActivityOnItsOpenDeals()
    {
        var id = await _company.AddDealAsync(_company.Rita, stage: "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(8));
        Assert.True((await Deals.GetAsync(Rita, id)).IsStale);

        await _company.Timeline.LogAsync(Rita, _company.RitasCustomer.Id, new InteractionDetails(InteractionKind.Call, _company.Database.Clock.GetUtcNow(), null, "Called about the offer", null, null));

        var deal = await Deals.GetAsync(Rita, id);
        Assert.Equal((false, _company.Database.Clock.GetUtcNow(), 1L), (deal.IsStale, deal.LastActivityAt, deal.Version));
    }

    [Fact]
    public async Task DeletedDealsGoToTheRecycleBinAndComeBack()
    {
        var id = await _company.AddDealAsync(_company.Rita);

        await Deals.DeleteAsync(Rita, id, 1);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.GetAsync(Rita, id));
        await Deals.RestoreAsync(Rita, id);

        Assert.Equal("Pumps for plant 2", (await Deals.GetAsync(Rita, id)).Name);
    }

    [Fact]
    public async Task TransferringARepsCustomersMovesTheirOpenDealsToo()
    {
        var open = await _company.AddDealAsync(_company.Rita, "Open");
        var won = await _company.AddDealAsync(_company.Rita, "Won", stage: "Won");
        var directory = new CustomerDirectory(_company.Database, new DuplicateDetection(_company.Database));

        await directory.TransferAllAsync(Actor.For(_company.Martin), _company.Rita.Id, _company.Ray.Id);

        var admin = Actor.For(_company.Admin);
        Assert.Equal((_company.Ray.Id, _company.Rita.Id), ((await Deals.GetAsync(admin, open)).OwnerId, (await Deals.GetAsync(admin, won)).OwnerId));
    }

    [Fact]
    public async Task TheCustomersProfileCountsItsOpenDeals()
    {
        await _company.AddDealAsync(_company.Rita, "Open");
        await _company.AddDealAsync(_company.Rita, "Also open", stage: "Negotiation");
        await _company.AddDealAsync(_company.Rita, "Won", stage: "Won");

        var profile = await new CustomerDirectory(_company.Database, new DuplicateDetection(_company.Database)).GetAsync(Rita, _company.RitasCustomer.Id);

        Assert.Equal(2, profile.Figures.OpenOpportunities);
    }

    public void Dispose() => _company.Dispose();
}
