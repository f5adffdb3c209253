using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Pipeline;

/// <summary>Who may change a deal: its owner, the owner's team manager and administrators; a share only lets a user see it.</summary>
public sealed class OpportunityPermissionTests : IDisposable
{
    private readonly PipelineCompany _company = new();

    private OpportunityBook Deals => _company.Deals;

    private Actor Rita => Actor.For(_company.Rita);

    private Actor Ray => Actor.For(_company.Ray);

    [Fact]
    public async Task ADealSharedWithARepIsSeenButNotMovedEditedDeletedOrRestored()
    {
        var id = await _company.AddDealAsync(_company.Rita);
        Share(id, _company.Ray);
        var demo = new OpportunityMove(_company.StageIds["Demo"]);

        var row = Assert.Single((await Deals.ListAsync(Ray, new OpportunityQuery())).Items);
        Assert.Equal((id, false), (row.Id, row.CanEdit));
        Assert.False((await Deals.GetAsync(Ray, id)).CanEdit);
        await Assert.ThrowsAsync<ForbiddenException>(() => Deals.MoveAsync(Ray, id, demo, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Deals.UpdateAsync(Ray, id, _company.Draft("Taken over"), 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Deals.DeleteAsync(Ray, id, 1));
        await Deals.DeleteAsync(Rita, id, 1);
        await Assert.ThrowsAsync<ForbiddenException>(() => Deals.RestoreAsync(Ray, id));

        await Deals.RestoreAsync(Rita, id);
        Assert.Equal((_company.StageIds["Initial contact"], "Pumps for plant 2"), ((await Deals.GetAsync(Rita, id)).StageId, (await Deals.GetAsync(Rita, id)).Name));
    }

    [Fact]
    public async Task TheOwnerTheTeamsManagerAndAdministratorsMayEditTheRowsTheySee()
    {
        var id = await _company.AddDealAsync(_company.Rita);

        foreach (var user in new[] { _company.Rita, _company.Martin, _company.Admin })
        {
            var board = await Deals.BoardAsync(Actor.For(user), new OpportunityQuery());
            Assert.True(board.Columns.SelectMany(c => c.Cards).Single(c => c.Id == id).CanEdit);
        }
    }

    [Fact]
    public async Task AnotherTeamsManagerNeitherSeesNorMovesNorRestoresTheDeal()
    {
        var id = await _company.AddDealAsync(_company.Rita);
        var other = Actor.For(_company.Mia);

        Assert.Empty((await Deals.ListAsync(other, new OpportunityQuery())).Items);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.GetAsync(other, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.MoveAsync(other, id, new OpportunityMove(_company.StageIds["Demo"]), 1));
        await Deals.DeleteAsync(Rita, id, 1);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.RestoreAsync(other, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Deals.RestoreAsync(Actor.For(_company.Sam), id));
    }

    private void Share(int id, AppUser with)
    {
        using var db = _company.Database.CreateWidgetContext(Actor.System);
        db.Set<RecordShare>().Add(new RecordShare { RecordType = nameof(Opportunity), RecordId = id, UserId = with.Id, SharedAt = _company.Database.Clock.GetUtcNow() });
        db.SaveChanges();
    }

    public void Dispose() => _company.Dispose();
}
