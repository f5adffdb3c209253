using SalesHub.Core.Customers;
using SalesHub.Core.Notifications;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Pipeline;

/// <summary>The owner hears once per staleness; activity starts the count again.</summary>
public sealed class StaleDealTests : IDisposable
{
    private readonly PipelineCompany _company = new();

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task TheOwnerIsToldOncePerStaleness()
    {
        var id = await _company.AddDealAsync(_company.Rita, "Pumps", stage: "Negotiation");
        await _company.AddDealAsync(_company.Rita, "Fresh", stage: "Needs analysis");
        _company.Database.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _company.Deals.NotifyStaleAsync());
        Assert.Equal(0, await _company.Deals.NotifyStaleAsync());

        var inbox = await Inbox().ListAsync(Rita);
        var notification = Assert.Single(inbox.Items);
        Assert.Equal((NotificationKind.OpportunityStale, "Pumps", $"/opportunities/{id}", (string?)null), (notification.Kind, notification.Argument, notification.Link, notification.ActorName));
    }

    [Fact]
    public async Task ActivityStartsANewStalenessThatIsToldAgain()
    {
        var id = await _company.AddDealAsync(_company.Rita, stage: "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(8));
        await _company.Deals.NotifyStaleAsync();

        await _company.Timeline.LogAsync(Rita, _company.RitasCustomer.Id, new InteractionDetails(InteractionKind.Visit, _company.Database.Clock.GetUtcNow(), null, "Visited", null, null));
        Assert.Equal(0, await _company.Deals.NotifyStaleAsync());
        _company.Database.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _company.Deals.NotifyStaleAsync());

        await _company.Deals.MoveAsync(Rita, id, new OpportunityMove(_company.StageIds["Won"]), 1);
        _company.Database.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, await _company.Deals.NotifyStaleAsync());
        Assert.Equal(2, (await Inbox().ListAsync(Rita)).Total);
    }

    [Fact]
    public async Task DeletedDealsAreNotTold()
    {
        var id = await _company.AddDealAsync(_company.Rita, stage: "Negotiation");
        await _company.Deals.DeleteAsync(Rita, id, 1);
        _company.Database.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await _company.Deals.NotifyStaleAsync());
    }

    private NotificationInbox Inbox() => new(_company.Database, _company.Database.Clock);

    public void Dispose() => _company.Dispose();
}
