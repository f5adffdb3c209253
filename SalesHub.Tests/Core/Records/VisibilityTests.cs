using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Records;

public sealed class VisibilityTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _manager;
    private readonly AppUser _rep1;
    private readonly AppUser _rep2;
    private readonly AppUser _otherTeamRep;
    private readonly AppUser _admin;

    public VisibilityTests()
    {
        var company = new CompanyBuilder(_database);
        _manager = company.AddUser(Roles.SalesManager, name: "Manager");
        var east = company.AddTeam("East", _manager);
        var south = company.AddTeam("South");
        _rep1 = company.AddUser(Roles.SalesRep, east, "Rep 1");
        _rep2 = company.AddUser(Roles.SalesRep, east, "Rep 2");
        _otherTeamRep = company.AddUser(Roles.SalesRep, south, "Rep 3");
        _admin = company.AddUser(Roles.Admin, name: "Admin");
        company.AddWidget(_rep1, "rep1's");
        company.AddWidget(_rep2, "rep2's");
        company.AddWidget(_otherTeamRep, "rep3's");
        company.AddWidget(_manager, "manager's");
    }

    [Fact]
    public async Task RepSeesOnlyTheirOwnRecords()
    {
        Assert.Equal(["rep1's"], await VisibleNamesAsync(Actor.For(_rep1)));
    }

    [Fact]
    public async Task ManagerSeesTheirTeamsRecordsAndTheirOwn()
    {
        Assert.Equal(["manager's", "rep1's", "rep2's"], await VisibleNamesAsync(Actor.For(_manager)));
    }

    [Fact]
    public async Task AdminSeesEverything()
    {
        Assert.Equal(["manager's", "rep1's", "rep2's", "rep3's"], await VisibleNamesAsync(Actor.For(_admin)));
    }

    [Fact]
    public async Task NobodySeesNothing()
    {
        Assert.Empty(await VisibleNamesAsync(Actor.Nobody));
    }

    [Fact]
    public async Task RepSeesARecordSharedWithThem()
    {
        await using (var db = _database.CreateWidgetContext(Actor.System))
        {
            var rep3Widget = await db.Widgets.SingleAsync(w => w.Name == "rep3's");
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Widget), RecordId = rep3Widget.Id, UserId = _rep1.Id });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["rep1's", "rep3's"], await VisibleNamesAsync(Actor.For(_rep1)));
        Assert.Equal(["rep2's"], await VisibleNamesAsync(Actor.For(_rep2)));
    }

    [Fact]
    public async Task AManagerStopsSeeingARepWhoMovesToAnotherTeam()
    {
        await using (var db = _database.CreateWidgetContext(Actor.System))
        {
            var rep2 = await db.Users.SingleAsync(u => u.Id == _rep2.Id);
            rep2.TeamId = _otherTeamRep.TeamId;
            await db.SaveChangesAsync();
        }

        Assert.Equal(["manager's", "rep1's"], await VisibleNamesAsync(Actor.For(_manager)));
    }

    private async Task<List<string>> VisibleNamesAsync(Actor actor)
    {
        await using var db = _database.CreateWidgetContext(actor);
        return await db.Widgets.OrderBy(w => w.Name).Select(w => w.Name).ToListAsync();
    }

    public void Dispose() => _database.Dispose();
}
