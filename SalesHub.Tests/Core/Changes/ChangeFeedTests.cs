using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Changes;

public sealed class ChangeFeedTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;

    public ChangeFeedTests() => _rep = new CompanyBuilder(_database).AddUser(Roles.SalesRep);

    [Fact]
    public async Task ASuccessfulSaveIsPublishedWithTheSavedRecordsIdentity()
    {
        var received = new List<EntityChange>();
        using var subscription = _database.ChangeFeed.Subscribe(changes =>
        {
            received.AddRange(changes);
            return Task.CompletedTask;
        });

        var widget = new CompanyBuilder(_database).AddWidget(_rep);

        Assert.Equal([new EntityChange(nameof(Widget), widget.Id, AuditAction.Created, _rep.Id)], received);
    }

    [Fact]
    public async Task ARefusedSavePublishesNothing()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep);
        var received = 0;
        using var subscription = _database.ChangeFeed.Subscribe(changes =>
        {
            received += changes.Count;
            return Task.CompletedTask;
        });

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        var loaded = await db.Widgets.SingleAsync();
        db.Entry(loaded).Property(w => w.Version).OriginalValue = widget.Version + 5;
        loaded.Quantity = 9;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.SaveChangesAsync());
        Assert.Equal(0, received);
    }

    [Fact]
    public async Task ChangesSavedInsideATransactionArePublishedOnceWhenItCommits()
    {
        var received = new List<EntityChange>();
        using var subscription = Listen(received);
        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        await using var transaction = await db.Database.BeginTransactionAsync();
        var widget = AddWidget(db, "First");
        await db.SaveChangesAsync();
        widget.Quantity = 2;
        await db.SaveChangesAsync();

        Assert.Empty(received);

        await transaction.CommitAsync();

        Assert.Equal(
            [new EntityChange(nameof(Widget), widget.Id, AuditAction.Created, _rep.Id), new EntityChange(nameof(Widget), widget.Id, AuditAction.Updated, _rep.Id)],
            received);
    }

    [Fact]
    public async Task ChangesOfARolledBackTransactionAreNeverPublished()
    {
        var received = new List<EntityChange>();
        using var subscription = Listen(received);
        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            AddWidget(db, "Rolled back");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        await using (db.Database.BeginTransaction())
        {
            AddWidget(db, "Abandoned");
            await db.SaveChangesAsync();
        }

        db.ChangeTracker.Clear();
        var kept = AddWidget(db, "Kept");
        await db.SaveChangesAsync();

        Assert.Equal([new EntityChange(nameof(Widget), kept.Id, AuditAction.Created, _rep.Id)], received);
    }

    [Fact]
    public async Task DisposingTheSubscriptionStopsDelivery()
    {
        var received = 0;
        var subscription = _database.ChangeFeed.Subscribe(_ =>
        {
            received++;
            return Task.CompletedTask;
        });
        subscription.Dispose();

        new CompanyBuilder(_database).AddWidget(_rep);

        Assert.Equal(0, received);
        Assert.Equal(0, _database.ChangeFeed.SubscriberCount);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotKeepOthersFromHearing()
    {
        var heard = false;
        using var broken = _database.ChangeFeed.Subscribe(_ => throw new InvalidOperationException("closed circuit"));
        using var healthy = _database.ChangeFeed.Subscribe(_ =>
        {
            heard = true;
            return Task.CompletedTask;
        });

        await _database.ChangeFeed.PublishAsync([new EntityChange("Widget", 1, AuditAction.Updated, null)]);

        Assert.True(heard);
    }

    private IDisposable Listen(List<EntityChange> received) => _database.ChangeFeed.Subscribe(changes =>
    {
        received.AddRange(changes);
        return Task.CompletedTask;
    });

    private Widget AddWidget(WidgetDbContext db, string name)
    {
        var widget = new Widget { Name = name, Quantity = 1 };
        widget.AssignTo(_rep.Id);
        db.Widgets.Add(widget);
        return widget;
    }

    public void Dispose() => _database.Dispose();
}
