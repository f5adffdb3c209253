using Microsoft.Extensions.Logging.Abstractions;
using SalesHub.Core.Security;
using SalesHub.Web.Presence;

namespace SalesHub.Tests.Web.Presence;

public sealed class RecordPresenceTests
{
    private static readonly Actor Rita = new(1, Roles.SalesRep, "Rita Rep");
    private static readonly Actor Martin = new(2, Roles.SalesManager, "Martin Manager");
    private static readonly Actor Li = new(3, Roles.SalesRep, "Li Lei");

    private readonly RecordPresence _presence = new(NullLogger<RecordPresence>.Instance);
    private readonly Dictionary<string, int> _notified = [];

    [Fact]
    public void AUserSeesTheOthersWhoHaveTheRecordOpenButNotThemselves()
    {
        using var rita = Join(Rita);
        using var martin = Join(Martin);

        Assert.Equal([new PresentUser(1, "Rita Rep", false)], martin.Others);
        Assert.Equal([new PresentUser(2, "Martin Manager", false)], rita.Others);
    }

    [Fact]
    public void AnotherRecordsVisitorsAreNotShown()
    {
        using var rita = Join(Rita);
        using var martin = _presence.Join("Opportunity", 8, Martin, () => Task.CompletedTask);
        using var other = _presence.Join("Customer", 7, Li, () => Task.CompletedTask);

        Assert.Empty(rita.Others);
    }

    [Fact]
    public void LeavingRemovesTheUserAndTellsTheOthers()
    {
        using var martin = Join(Martin);
        var rita = Join(Rita);

        rita.Dispose();
        rita.Dispose();

        Assert.Empty(martin.Others);
        Assert.Equal(2, _notified["Martin Manager"]);
    }

    [Fact]
    public void UnsavedChangesShowAsEditingUntilTheyAreSavedOrDropped()
    {
        using var martin = Join(Martin);
        using var rita = Join(Rita);

        rita.SetEditing(true);
        Assert.Equal([new PresentUser(1, "Rita Rep", true)], martin.Others);
        Assert.Equal(2, _notified["Martin Manager"]);

        rita.SetEditing(false);
        Assert.Equal([new PresentUser(1, "Rita Rep", false)], martin.Others);
        Assert.Equal(3, _notified["Martin Manager"]);
    }

    [Fact]
    public void AUserWithTwoTabsShowsOnceAndEditsWhileEitherTabHasChanges()
    {
        using var martin = Join(Martin);
        using var first = Join(Rita);
        using var second = Join(Rita);

        Assert.Equal([new PresentUser(1, "Rita Rep", false)], martin.Others);
        Assert.Equal(1, _notified["Martin Manager"]);

        second.SetEditing(true);
        first.Dispose();
        Assert.Equal([new PresentUser(1, "Rita Rep", true)], martin.Others);

        second.Dispose();
        Assert.Empty(martin.Others);
    }

    [Fact]
    public void OnlySessionsWhoseViewChangedAreTold()
    {
        using var rita = Join(Rita);
        using var martin = Join(Martin);

        rita.SetEditing(true);
        rita.SetEditing(true);

        Assert.Equal(1, _notified["Rita Rep"]);
        Assert.Equal(1, _notified["Martin Manager"]);
        Assert.Equal([new PresentUser(2, "Martin Manager", false), new PresentUser(1, "Rita Rep", true)], Join(Li).Others);
    }

    [Fact]
    public void AFailingSubscriberDoesNotStopTheOthersFromBeingTold()
    {
        using var broken = _presence.Join("Opportunity", 7, Li, () => Task.FromException(new InvalidOperationException("circuit gone")));
        using var martin = Join(Martin);

        using var rita = Join(Rita);

        Assert.Equal(1, _notified["Martin Manager"]);
        Assert.Equal(2, broken.Others.Count);
    }

    [Fact]
    public void OnlyASignedInUserCanJoin()
    {
        Assert.Throws<ArgumentException>(() => _presence.Join("Opportunity", 7, Actor.Nobody, () => Task.CompletedTask));
    }

    [Fact]
    public void AWatcherOfTheTypeIsToldWhenSomeoneStartsOrStopsEditingAndSeesOnlyOthersEdits()
    {
        var told = 0;
        var watch = _presence.WatchEditors("Opportunity", () =>
        {
            told++;
            return Task.CompletedTask;
        });
        using var rita = Join(Rita);
        using var martin = Join(Martin);
        using var customer = _presence.Join("Customer", 7, Li, () => Task.CompletedTask);

        rita.SetEditing(true);
        customer.SetEditing(true);

        Assert.Equal(1, told);
        Assert.Equal(["Rita Rep"], _presence.EditorsOf("Opportunity", Martin)[7]);
        Assert.Empty(_presence.EditorsOf("Opportunity", Rita));

        rita.Dispose();
        Assert.Equal(2, told);
        Assert.Empty(_presence.EditorsOf("Opportunity", Martin));

        watch.Dispose();
        martin.SetEditing(true);
        Assert.Equal(2, told);
    }

    /// <summary>Opens deal 7 as <paramref name="actor"/>, counting the notifications by display name.</summary>
    private PresenceSession Join(Actor actor)
    {
        _notified.TryAdd(actor.DisplayName, 0);
        return _presence.Join("Opportunity", 7, actor, () =>
        {
            _notified[actor.DisplayName]++;
            return Task.CompletedTask;
        });
    }
}
