using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Pipeline;

public sealed class PipelineStagesTests : IDisposable
{
    private readonly PipelineCompany _company = new();

    private Actor Admin => Actor.For(_company.Admin);

    [Fact]
    public async Task TheDefaultStagesAreSeededInOrderWithTheirProbabilities()
    {
        var stages = await _company.Stages.ListAsync(Actor.For(_company.Rita));

        Assert.Equal(
            [
                ("初步接触", "Initial contact", 10, PipelineStageKind.Open), ("需求分析", "Needs analysis", 20, PipelineStageKind.Open),
                ("方案演示", "Demo", 40, PipelineStageKind.Open), ("报价", "Proposal", 60, PipelineStageKind.Open),
                ("谈判", "Negotiation", 80, PipelineStageKind.Open), ("赢单", "Won", 100, PipelineStageKind.Won), ("输单", "Lost", 0, PipelineStageKind.Lost),
            ],
            stages.Select(s => (s.NameZh, s.NameEn, s.DefaultProbability, s.Kind)));
        Assert.All(stages.Where(s => s.Kind == PipelineStageKind.Open), s => Assert.NotNull(s.StaleAfterDays));
        Assert.All(stages.Where(s => s.Kind != PipelineStageKind.Open), s => Assert.Null(s.StaleAfterDays));
    }

    [Fact]
    public async Task SeedingTwiceAddsNothing()
    {
        await using (var db = _company.Database.CreateWidgetContext(Actor.System))
        {
            await PipelineStages.SeedDefaultsAsync(db);
        }

        Assert.Equal(7, (await _company.Stages.ListAsync(Admin)).Count);
    }

    [Fact]
    public async Task AdministratorsAddChangeAndReorderStages()
    {
        var id = await _company.Stages.CreateAsync(Admin, new PipelineStageDetails("Trial", "试用", 50, PipelineStageKind.Open, 5));
        await _company.Stages.UpdateAsync(Admin, id, new PipelineStageDetails("Pilot", "试点", 55, PipelineStageKind.Open, 6), 1);
        var ids = (await _company.Stages.ListAsync(Admin)).Select(s => s.Id).ToList();
        await _company.Stages.ReorderAsync(Admin, [id, .. ids.Where(i => i != id)]);

        var first = (await _company.Stages.ListAsync(Admin))[0];
        Assert.Equal(("Pilot", "试点", 55, 6, 1), (first.NameEn, first.NameZh, first.DefaultProbability, first.StaleAfterDays!.Value, first.SortOrder));
    }

    [Fact]
    public async Task OnlyAdministratorsChangeStages()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _company.Stages.CreateAsync(Actor.For(_company.Martin), new PipelineStageDetails("Trial", "试用", 50, PipelineStageKind.Open, 5)));
    }

    [Theory]
    [InlineData("", "试用", 50, 5, "nameEn")]
    [InlineData("Trial", "试用", 101, 5, "defaultProbability")]
    [InlineData("Trial", "试用", 50, 0, "staleAfterDays")]
    public async Task BadStageInputNamesTheField(string nameEn, string nameZh, int probability, int staleAfterDays, string field)
    {
        var error = await Assert.ThrowsAnyAsync<DomainException>(() =>
            _company.Stages.CreateAsync(Admin, new PipelineStageDetails(nameEn, nameZh, probability, PipelineStageKind.Open, staleAfterDays)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task AStageInUseCannotBeDeletedOrChangeItsKind()
    {
        await _company.AddDealAsync(_company.Rita);
        var stage = _company.StageIds["Initial contact"];

        var delete = await Assert.ThrowsAsync<DomainException>(() => _company.Stages.DeleteAsync(Admin, stage, 1));
        var kind = await Assert.ThrowsAsync<DomainException>(() =>
            _company.Stages.UpdateAsync(Admin, stage, new PipelineStageDetails("Initial contact", "初步接触", 10, PipelineStageKind.Won, null), 1));

        Assert.Equal(("PipelineStages.InUse", "PipelineStages.KindInUse"), (delete.Code, kind.Code));
        await _company.Stages.DeleteAsync(Admin, _company.StageIds["Demo"], 1);
        Assert.Equal(6, (await _company.Stages.ListAsync(Admin)).Count);
    }

    [Fact]
    public async Task TheKeptListFollowsStageChangesSavedByAnyone()
    {
        using var kept = new PipelineStages(_company.Database, _company.Database.ChangeFeed);
        var before = await kept.ListAsync(Actor.For(_company.Rita));
        Assert.Same(before, await kept.ListAsync(Actor.For(_company.Ray)));

        await _company.Stages.UpdateAsync(Admin, _company.StageIds["Demo"], new PipelineStageDetails("Live demo", "演示", 40, PipelineStageKind.Open, 10), 1);

        Assert.Contains(await kept.ListAsync(Actor.For(_company.Rita)), s => s.NameEn == "Live demo");
    }

    [Fact]
    public async Task OnlyAdministratorsSeeHowManyDealsEachStageHolds()
    {
        await _company.AddDealAsync(_company.Rita);
        await _company.AddDealAsync(_company.Sam);
        var deleted = await _company.AddDealAsync(_company.Sam);
        await _company.Deals.DeleteAsync(Actor.For(_company.Sam), deleted, 1);

        var counted = await _company.Stages.ListWithCountsAsync(Admin);

        Assert.Equal([3, 0, 0, 0, 0, 0, 0], counted.Select(s => s.OpportunityCount));
        Assert.All(await _company.Stages.ListAsync(Actor.For(_company.Rita)), s => Assert.Null(s.OpportunityCount));
        await Assert.ThrowsAsync<ForbiddenException>(() => _company.Stages.ListWithCountsAsync(Actor.For(_company.Martin)));
    }

    [Fact]
    public async Task ANewStaleLimitAppliesToTheStagesDealsAtOnce()
    {
        var id = await _company.AddDealAsync(_company.Rita);
        var deleted = await _company.AddDealAsync(_company.Rita);
        await _company.Deals.DeleteAsync(Actor.For(_company.Rita), deleted, 1);
        _company.Database.Clock.Advance(TimeSpan.FromDays(5));
        Assert.False((await _company.Deals.GetAsync(Actor.For(_company.Rita), id)).IsStale);

        await _company.Stages.UpdateAsync(Admin, _company.StageIds["Initial contact"], new PipelineStageDetails("Initial contact", "初步接触", 10, PipelineStageKind.Open, 6), 1);
        Assert.False((await _company.Deals.GetAsync(Actor.For(_company.Rita), id)).IsStale);
        await _company.Stages.UpdateAsync(Admin, _company.StageIds["Initial contact"], new PipelineStageDetails("Initial contact", "初步接触", 10, PipelineStageKind.Open, 5), 2);

        Assert.True((await _company.Deals.GetAsync(Actor.For(_company.Rita), id)).IsStale);
        await _company.Deals.RestoreAsync(Actor.For(_company.Rita), deleted);
        Assert.True((await _company.Deals.GetAsync(Actor.For(_company.Rita), deleted)).IsStale);
    }

    public void Dispose() => _company.Dispose();
}
