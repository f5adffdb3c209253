using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;

namespace SalesHub.Tests.Core.Pipeline;

/// <summary>The stage rules on the entity, without a database.</summary>
public sealed class OpportunityTests
{
    [Theory]
    [InlineData(PipelineStageKind.Won, 6, true)]
    [InlineData(PipelineStageKind.Lost, 6, true)]
    [InlineData(PipelineStageKind.Won, 5, false)]
    [InlineData(PipelineStageKind.Open, 6, false)]
    public void OnlyLeavingAWonOrLostStageNeedsTheDealReopened(PipelineStageKind kind, int toStageId, bool needed)
    {
        Assert.Equal(needed, Opportunity.ReopenNeeded(kind, 5, toStageId));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly PipelineStage Demo = Stage(1, "Demo", 40, PipelineStageKind.Open, 10);
    private static readonly PipelineStage Proposal = Stage(2, "Proposal", 60, PipelineStageKind.Open, 10);
    private static readonly PipelineStage Won = Stage(3, "Won", 100, PipelineStageKind.Won, null);
    private static readonly PipelineStage Lost = Stage(4, "Lost", 0, PipelineStageKind.Lost, null);

    [Fact]
    public void EnteringAStageTakesItsDefaultProbabilityUnlessOneIsGiven()
    {
        var deal = Deal(Demo);

        deal.EnterStage(Proposal, null, null, false, Now, 1);
        Assert.Equal((60, 600m), (deal.Probability, deal.WeightedAmount));

        deal.EnterStage(Demo, 35, null, false, Now, 1);
        Assert.Equal((35, 350m), (deal.Probability, deal.WeightedAmount));
    }

    [Fact]
    public void StayingInTheStageKeepsAnOverriddenProbability()
    {
        var deal = Deal(Demo);
        deal.EnterStage(Demo, 45, null, false, Now, 1);

        var change = deal.EnterStage(Demo, null, null, false, Now.AddHours(1), 1);

        Assert.Null(change);
        Assert.Equal(45, deal.Probability);
    }

    [Fact]
    public void AChangeIsRecordedFromWhereToWhereByWhom()
    {
        var deal = Deal(Demo);

        var change = deal.EnterStage(Proposal, null, null, false, Now.AddDays(1), 7);

        Assert.Equal((1, 2, Now.AddDays(1), 7), (change!.FromStageId!.Value, change.ToStageId, change.ChangedAt, change.ChangedById!.Value));
        Assert.Equal(Now.AddDays(1), deal.StageEnteredAt);
    }

    [Fact]
    public void LosingNeedsAReason()
    {
        var deal = Deal(Demo);

        var error = Assert.Throws<DomainException>(() => deal.EnterStage(Lost, null, "  ", false, Now, 1));

        Assert.Equal(("Opportunities.LostReasonRequired", "lostReason"), (error.Code, error.Field));
        Assert.Equal(Demo.Id, deal.StageId);
        deal.EnterStage(Lost, null, "Price too high", false, Now, 1);
        Assert.Equal(("Price too high", 0), (deal.LostReason, deal.Probability));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AClosedDealMovesOnlyWhenReopened(bool won)
    {
        var deal = Deal(Demo);
        deal.EnterStage(won ? Won : Lost, null, "Budget cut", false, Now, 1);

        var error = Assert.Throws<DomainException>(() => deal.EnterStage(Proposal, null, null, false, Now, 1));
        Assert.Equal(("Opportunities.ReopenRequired", "stageId"), (error.Code, error.Field));
        Assert.Throws<DomainException>(() => deal.EnterStage(won ? Lost : Won, null, "Other", false, Now, 1));

        deal.EnterStage(Proposal, null, null, true, Now, 1);
        Assert.Equal((Proposal.Id, 60, (string?)null), (deal.StageId, deal.Probability, deal.LostReason));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void AProbabilityOutsideZeroToHundredIsRefused(int probability)
    {
        var error = Assert.Throws<DomainException>(() => Deal(Demo).EnterStage(Proposal, probability, null, false, Now, 1));

        Assert.Equal("probability", error.Field);
    }

    [Fact]
    public void ANegativeAmountIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Opportunity().Describe(new OpportunityFields("Deal", -0.01m, Today), Today));

        Assert.Equal(("Opportunities.NegativeAmount", "amount"), (error.Code, error.Field));
    }

    [Fact]
    public void ACloseDateMoreThanAYearAgoIsRefusedWhenSetButKeptWhenUnchanged()
    {
        var error = Assert.Throws<DomainException>(() => new Opportunity().Describe(new OpportunityFields("Deal", 1m, Today.AddDays(-366)), Today));
        Assert.Equal(("Opportunities.CloseDateTooOld", "expectedCloseDate"), (error.Code, error.Field));

        var deal = new Opportunity();
        deal.Describe(new OpportunityFields("Deal", 1m, Today.AddDays(-365)), Today);
        deal.Describe(new OpportunityFields("Deal renamed", 1m, Today.AddDays(-365)), Today.AddYears(2));
        Assert.Equal("Deal renamed", deal.Name);
    }

    [Fact]
    public void AnOpenDealTurnsStaleAfterItsStagesLimitWithoutActivity()
    {
        var deal = Deal(Demo);

        Assert.False(deal.IsStale(Now.AddDays(10).AddTicks(-1)));
        Assert.True(deal.IsStale(Now.AddDays(10)));
        deal.RecordActivity(Now.AddDays(9));
        Assert.False(deal.IsStale(Now.AddDays(12)));
        deal.EnterStage(Won, null, null, false, Now.AddDays(20), 1);
        Assert.False(deal.IsStale(Now.AddYears(1)));
    }

    private static Opportunity Deal(PipelineStage stage)
    {
        var deal = new Opportunity();
        deal.Describe(new OpportunityFields("Pumps", 1000m, Today.AddDays(30)), Today);
        deal.EnterStage(stage, null, null, false, Now, 1);
        return deal;
    }

    private static PipelineStage Stage(int id, string name, int probability, PipelineStageKind kind, int? staleAfterDays)
    {
        var stage = new PipelineStage();
        stage.Describe(new PipelineStageDetails(name, name, probability, kind, staleAfterDays));
        typeof(PipelineStage).GetProperty(nameof(PipelineStage.Id))!.SetValue(stage, id);
        return stage;
    }
}
