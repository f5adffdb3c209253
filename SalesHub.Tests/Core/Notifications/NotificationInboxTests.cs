using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Notifications;

public sealed class NotificationInboxTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly NotificationInbox _inbox;
    private readonly CompanyBuilder _company;

    public NotificationInboxTests()
    {
        _company = new CompanyBuilder(_database);
        _martin = _company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = _company.AddUser(Roles.SalesRep, name: "Rita");
        _inbox = new NotificationInbox(_database, _database.Clock);
    }

    private Actor Martin => Actor.For(_martin);

    [Fact]
    public async Task AUserSeesOnlyTheirOwnNewestFirstAndPaged()
    {
        var first = Add(_martin, "Q2026-00001");
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = Add(_martin, "Q2026-00002");
        Add(_rita, "Q2026-00003");

        var page = await _inbox.ListAsync(Martin, 1, 1);
        var all = await _inbox.ListAsync(Martin);

        Assert.Equal((2, second), (page.Total, Assert.Single(page.Items).Id));
        Assert.Equal([second, first], all.Items.Select(n => n.Id));
        Assert.Equal(["Q2026-00002", "Q2026-00001"], all.Items.Select(n => n.Argument));
        Assert.All(all.Items, n => Assert.Equal(("Rita", false), (n.ActorName, n.IsRead)));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _inbox.ListAsync(Martin, 1, NotificationInbox.MaxPageSize + 1));
        Assert.Equal("Errors.InvalidPageSize", refusal.Code);
    }

    [Fact]
    public async Task MarkingOneReadLowersTheUnreadCountAndIsPublishedToItsRecipient()
    {
        var first = Add(_martin, "Q2026-00001");
        Add(_martin, "Q2026-00002");
        var received = new List<EntityChange>();
        using var subscription = _database.ChangeFeed.Subscribe(changes =>
        {
            received.AddRange(changes);
            return Task.CompletedTask;
        });

        await _inbox.MarkReadAsync(Martin, first);
        await _inbox.MarkReadAsync(Martin, first);

        Assert.Equal(1, await _inbox.CountUnreadAsync(Martin));
        var read = (await _inbox.ListAsync(Martin)).Items.Single(n => n.Id == first);
        Assert.Equal(_database.Clock.GetUtcNow(), read.ReadAt);
        Assert.Equal([new EntityChange(nameof(Notification), first, AuditAction.Updated, _martin.Id, _martin.Id)], received);
    }

    [Fact]
    public async Task OpeningOneMarksItReadAndGivesItsLink()
    {
        var first = Add(_martin, "Q2026-00001");

        Assert.Equal("/quotes/1", await _inbox.OpenAsync(Martin, first));
        Assert.Equal("/quotes/1", await _inbox.OpenAsync(Martin, first));

        Assert.Equal(0, await _inbox.CountUnreadAsync(Martin));
    }

    [Fact]
    public async Task AnotherUsersNotificationIsNotFound()
    {
        var ritas = Add(_rita, "Q2026-00001");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _inbox.MarkReadAsync(Martin, ritas));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _inbox.MarkReadAsync(Martin, ritas + 100));

        Assert.Equal(1, await _inbox.CountUnreadAsync(Actor.For(_rita)));
    }

    [Fact]
    public async Task MarkingAllReadLeavesOtherUsersAlone()
    {
        Add(_martin, "Q2026-00001");
        Add(_martin, "Q2026-00002");
        Add(_rita, "Q2026-00003");

        Assert.Equal(2, await _inbox.MarkAllReadAsync(Martin));

        Assert.Equal(0, await _inbox.CountUnreadAsync(Martin));
        Assert.Equal(1, await _inbox.CountUnreadAsync(Actor.For(_rita)));
        Assert.Equal(0, await _inbox.MarkAllReadAsync(Martin));
    }

    [Fact]
    public async Task StartUpWorkHasNoInbox()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _inbox.CountUnreadAsync(Actor.System));
        await Assert.ThrowsAsync<ForbiddenException>(() => _inbox.ListAsync(Actor.Nobody));
    }

    public void Dispose() => _database.Dispose();

    private int Add(AppUser recipient, string number) => _company.AddNotification(recipient, _rita, number).Id;
}
