using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Changes;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Quoting;

/// <summary>Who hears of a quote waiting for approval, and of the decision.</summary>
public sealed class QuoteApprovalNotificationTests : IDisposable
{
    private readonly QuoteCompany _company = new();
    private readonly NotificationInbox _inbox;

    public QuoteApprovalNotificationTests() => _inbox = new NotificationInbox(_company.Database, _company.Database.Clock);

    private QuoteBook Quotes => _company.Quotes;

    private Actor Rita => Actor.For(_company.Rita);

    private Actor Martin => Actor.For(_company.Martin);

    [Fact]
    public async Task AQuoteAboveTheRepsLimitNotifiesTheTeamsManagerOnly()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);

        await Quotes.SendAsync(Rita, id, 1);

        var number = (await Quotes.GetAsync(Rita, id)).Quote.Number;
        var notification = Assert.Single(await AllAsync());
        Assert.Equal(
            (_company.Martin.Id, NotificationKind.QuoteApprovalRequested, nameof(Quote), id, (int?)_company.Rita.Id, number, $"/quotes/{id}", (DateTimeOffset?)null),
            (notification.RecipientId, notification.Kind, notification.SubjectType, notification.SubjectId, notification.ActorId, notification.Argument, notification.Link, notification.ReadAt));
        var view = Assert.Single((await _inbox.ListAsync(Martin)).Items);
        Assert.Equal(("Rita", number), (view.ActorName, view.Argument));
        Assert.Empty((await _inbox.ListAsync(Actor.For(_company.Admin))).Items);
    }

    [Fact]
    public async Task WithoutATeamManagerEveryActiveAdministratorIsNotified()
    {
        var second = await AddAdminAsync("bea@test.local", active: true);
        await AddAdminAsync("gone@test.local", active: false);

        var pump = await _company.AddProductAsync(listPrice: 1000m);
        var sam = Actor.For(_company.Sam);
        var id = await Quotes.CreateDraftAsync(sam, new QuoteDraft(_company.SamsCustomer.Id, null, "en", [new QuoteLineInput(pump, 1m, UnitPrice: 800m)]));

        Assert.Equal(QuoteStatus.PendingApproval, await Quotes.SendAsync(sam, id, 1));

        Assert.Equal([_company.Admin.Id, second], (await AllAsync()).Select(n => n.RecipientId).Order());
    }

    [Fact]
    public async Task AQuoteWithinTheLimitNotifiesNobody()
    {
        var id = await RitasQuoteAsync(unitPrice: 900m);

        Assert.Equal(QuoteStatus.Sent, await Quotes.SendAsync(Rita, id, 1));

        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task ARefusedSendLeavesNoNotification()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(await _company.AddProductAsync("VALVE"), 1m, UnitPrice: 500m)), 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Quotes.SendAsync(Rita, id, 1));

        Assert.Empty(await AllAsync());
        Assert.Equal(QuoteStatus.Draft, (await Quotes.GetAsync(Rita, id)).Quote.Status);
    }

    [Fact]
    public async Task TheNotificationIsPublishedWithTheQuoteItIsAbout()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        var batches = new List<IReadOnlyList<EntityChange>>();
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            batches.Add(changes);
            return Task.CompletedTask;
        });

        await Quotes.SendAsync(Rita, id, 1);

        var batch = Assert.Single(batches);
        Assert.Contains(batch, c => c.EntityType == nameof(Quote) && c.EntityId == id);
        var notification = Assert.Single(batch, c => c.EntityType == nameof(Notification));
        Assert.Equal((_company.Martin.Id, (int?)_company.Rita.Id), (notification.RecipientUserId, notification.ActorUserId));
    }

    [Fact]
    public async Task ApprovingNotifiesTheOwnerWithTheComment()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.SendAsync(Rita, id, 1);

        await Quotes.ApproveAsync(Martin, id, "Key account, fine.", 2);

        var told = Assert.Single((await _inbox.ListAsync(Rita)).Items);
        Assert.Equal((NotificationKind.QuoteApproved, "Martin", "Key account, fine.", $"/quotes/{id}"), (told.Kind, told.ActorName, told.Comment, told.Link));
        Assert.Equal(0, await _inbox.CountUnreadAsync(Martin));
    }

    [Fact]
    public async Task AnotherApproversDecisionMarksTheRequestReadButKeepsItInTheList()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        var other = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(await _company.AddProductAsync("VALVE"), 1m, UnitPrice: 850m)));
        await Quotes.SendAsync(Rita, id, 1);
        await Quotes.SendAsync(Rita, other, 1);
        _company.Database.Clock.Advance(TimeSpan.FromMinutes(2));

        await Quotes.RejectApprovalAsync(Actor.For(_company.Admin), id, "Too much.", 2);

        var requests = (await _inbox.ListAsync(Martin)).Items;
        Assert.Equal([(other, false), (id, true)], requests.Select(n => (n.SubjectId, n.IsRead)).OrderBy(r => r.IsRead));
        Assert.Equal(_company.Database.Clock.GetUtcNow(), requests.Single(n => n.SubjectId == id).ReadAt);
    }

    [Fact]
    public async Task EditingAPendingQuoteBackToDraftMarksTheRequestRead()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.SendAsync(Rita, id, 1);

        await Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(await _company.AddProductAsync("VALVE"), 1m, UnitPrice: 500m)), 2);

        Assert.Equal(0, await _inbox.CountUnreadAsync(Martin));
        Assert.Single((await _inbox.ListAsync(Martin)).Items);
    }

    [Fact]
    public async Task ARefusedEditLeavesTheRequestUnread()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.SendAsync(Rita, id, 1);

        var valve = await _company.AddProductAsync("VALVE");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(valve, 1m, UnitPrice: 500m)), 1));

        Assert.Equal(1, await _inbox.CountUnreadAsync(Martin));
    }

    [Fact]
    public async Task RejectingNotifiesTheOwnerWithTheComment()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.SendAsync(Rita, id, 1);

        await Quotes.RejectApprovalAsync(Actor.For(_company.Admin), id, "Too much.", 2);

        var told = Assert.Single((await _inbox.ListAsync(Rita)).Items);
        Assert.Equal((NotificationKind.QuoteApprovalRejected, "Ada", "Too much."), (told.Kind, told.ActorName, told.Comment));
    }

    [Fact]
    public async Task ARefusedDecisionTellsTheOwnerNothing()
    {
        var id = await RitasQuoteAsync(unitPrice: 850m);
        await Quotes.SendAsync(Rita, id, 1);

        await Assert.ThrowsAsync<DomainException>(() => Quotes.ApproveAsync(Rita, id, "Fine by me.", 2));
        await Assert.ThrowsAsync<DomainException>(() => Quotes.RejectApprovalAsync(Martin, id, " ", 2));

        Assert.Equal(0, await _inbox.CountUnreadAsync(Rita));
    }

    public void Dispose() => _company.Dispose();

    private async Task<int> RitasQuoteAsync(decimal unitPrice)
    {
        var pump = await _company.AddProductAsync(listPrice: 1000m);
        return await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m, UnitPrice: unitPrice)));
    }

    private async Task<int> AddAdminAsync(string email, bool active)
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = email, Role = Roles.Admin, IsActive = active, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<List<Notification>> AllAsync()
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }
}
