using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Records;

public sealed class RecycleBinTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;
    private readonly AppUser _otherRep;
    private readonly RecycleBin _recycleBin;

    public RecycleBinTests()
    {
        var company = new CompanyBuilder(_database);
        _rep = company.AddUser(Roles.SalesRep);
        _otherRep = company.AddUser(Roles.SalesRep);
        _recycleBin = new RecycleBin(_database);
    }

    [Fact]
    public async Task DeleteMovesTheRecordToTheRecycleBinInsteadOfErasingIt()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep, "Lamp");

        await _recycleBin.DeleteAsync<Widget>(Actor.For(_rep), widget.Id, widget.Version);

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        Assert.False(await db.Widgets.AnyAsync());
        var deleted = await RecycleBin.Deleted<Widget>(db).SingleAsync();
        Assert.Equal("Lamp", deleted.Name);
        Assert.Equal(_database.Clock.GetUtcNow(), deleted.DeletedAt);
        Assert.Equal(_rep.Id, deleted.DeletedById);
    }

    [Fact]
    public async Task RestoreBringsTheRecordBackAndBothStepsAreAudited()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep, "Lamp");
        await _recycleBin.DeleteAsync<Widget>(Actor.For(_rep), widget.Id, widget.Version);

        await _recycleBin.RestoreAsync<Widget>(Actor.For(_rep), widget.Id);

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        var restored = await db.Widgets.SingleAsync();
        Assert.Null(restored.DeletedAt);
        Assert.Equal(3, restored.Version);
        var history = await new AuditTrail(_database).HistoryAsync<Widget>(Actor.For(_rep), widget.Id);
        Assert.Equal([AuditAction.Restored, AuditAction.Deleted, AuditAction.Created], history.Select(h => h.Action));
    }

    [Fact]
    public async Task NobodyCanDeleteOrRestoreARecordTheyCannotSee()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep, "Lamp");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _recycleBin.DeleteAsync<Widget>(Actor.For(_otherRep), widget.Id, widget.Version));
        await _recycleBin.DeleteAsync<Widget>(Actor.For(_rep), widget.Id, widget.Version);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _recycleBin.RestoreAsync<Widget>(Actor.For(_otherRep), widget.Id));
    }

    public void Dispose() => _database.Dispose();
}
