using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Records;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;
    private readonly AppUser _manager;

    public ConcurrencyTests()
    {
        var company = new CompanyBuilder(_database);
        _manager = company.AddUser(Roles.SalesManager, name: "Martin");
        _rep = company.AddUser(Roles.SalesRep, company.AddTeam("East", _manager), "Rita");
    }

    [Fact]
    public async Task EverySaveRaisesTheVersion()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep);
        Assert.Equal(1, widget.Version);

        await RenameAsync(Actor.For(_rep), widget.Id, widget.Version, "Renamed");

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        Assert.Equal(2, (await db.Widgets.SingleAsync()).Version);
    }

    [Fact]
    public async Task AStaleSaveIsRefusedAndSaysWhatChangedMeanwhile()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep, "Desk");
        await RenameAsync(Actor.For(_manager), widget.Id, widget.Version, "Standing desk");

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => RenameAsync(Actor.For(_rep), widget.Id, widget.Version, "Office desk"));

        var change = Assert.Single(conflict.InterveningChanges);
        Assert.Equal("Martin", change.UserName);
        Assert.Equal(new SalesHub.Core.Auditing.FieldChange("Name", "Desk", "Standing desk"), Assert.Single(change.Changes));
        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        Assert.Equal("Standing desk", (await db.Widgets.SingleAsync()).Name);
    }

    private async Task RenameAsync(Actor actor, int id, long basedOnVersion, string name)
    {
        await using var db = _database.CreateWidgetContext(actor);
        var widget = await db.Widgets.SingleAsync(w => w.Id == id);
        db.Entry(widget).Property(w => w.Version).OriginalValue = basedOnVersion;
        widget.Name = name;
        await db.SaveChangesAsync();
    }

    public void Dispose() => _database.Dispose();
}
