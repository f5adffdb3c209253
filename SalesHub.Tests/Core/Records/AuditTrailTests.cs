using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Records;

public sealed class AuditTrailTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly CompanyBuilder _company;
    private readonly AppUser _rep;

    public AuditTrailTests()
    {
        _company = new CompanyBuilder(_database);
        _rep = _company.AddUser(Roles.SalesRep, name: "Rita");
    }

    [Fact]
    public async Task CreationRecordsWhoWhenAndTheInitialValues()
    {
        var widget = _company.AddWidget(_rep, "Chair", 4);

        var entry = Assert.Single(await new AuditTrail(_database).HistoryAsync<Widget>(Actor.For(_rep), widget.Id));
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(_rep.Id, entry.UserId);
        Assert.Equal("Rita", entry.UserName);
        Assert.Equal(_database.Clock.GetUtcNow(), entry.At);
        Assert.Contains(new FieldChange("Name", null, "Chair"), entry.Changes);
        Assert.Contains(new FieldChange("Quantity", null, "4"), entry.Changes);
    }

    [Fact]
    public async Task AnUpdateRecordsOnlyTheFieldsThatChangedWithOldAndNewValues()
    {
        var widget = _company.AddWidget(_rep, "Chair", 4);
        _database.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = _database.CreateWidgetContext(Actor.For(_rep)))
        {
            var loaded = await db.Widgets.SingleAsync();
            loaded.Quantity = 6;
            loaded.Name = "Chair";
            await db.SaveChangesAsync();
        }

        var latest = (await new AuditTrail(_database).HistoryAsync<Widget>(Actor.For(_rep), widget.Id))[0];
        Assert.Equal(AuditAction.Updated, latest.Action);
        Assert.Equal(2, latest.Version);
        Assert.Equal(_database.Clock.GetUtcNow(), latest.At);
        Assert.Equal([new FieldChange("Quantity", "4", "6")], latest.Changes);
    }

    [Fact]
    public async Task ASaveThatChangesNothingWritesNoHistory()
    {
        var widget = _company.AddWidget(_rep, "Chair", 4);
        await using (var db = _database.CreateWidgetContext(Actor.For(_rep)))
        {
            (await db.Widgets.SingleAsync()).Name = "Chair";
            await db.SaveChangesAsync();
        }

        Assert.Single(await new AuditTrail(_database).HistoryAsync<Widget>(Actor.For(_rep), widget.Id));
    }

    [Fact]
    public async Task UserHistoryNeverContainsPasswordsOrStamps()
    {
        var user = _company.AddUser(Roles.SalesRep);
        await using (var db = _database.CreateWidgetContext(Actor.System))
        {
            var loaded = await db.Users.SingleAsync(u => u.Id == user.Id);
            loaded.PasswordHash = "secret-hash";
            loaded.SecurityStamp = "new-stamp";
            loaded.IsActive = false;
            await db.SaveChangesAsync();
        }

        var admin = _company.AddUser(Roles.Admin);
        var latest = (await new AuditTrail(_database).HistoryAsync<AppUser>(Actor.For(admin), user.Id))[0];
        Assert.Equal([new FieldChange("IsActive", "True", "False")], latest.Changes);
    }

    [Fact]
    public async Task HistoryOfARecordIsHiddenFromWhoeverCannotSeeIt()
    {
        var widget = _company.AddWidget(_rep);
        var stranger = _company.AddUser(Roles.SalesRep);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => new AuditTrail(_database).HistoryAsync<Widget>(Actor.For(stranger), widget.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => new AuditTrail(_database).HistoryAsync<AppUser>(Actor.For(stranger), _rep.Id));
    }

    public void Dispose() => _database.Dispose();
}
