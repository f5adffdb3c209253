using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Pipeline;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Pipeline;

namespace SalesHub.Tests.Web.Pipeline;

public sealed class StaleDealAlertsTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly PipelineCompany _company = new();

    [Fact]
    public async Task TheServiceTellsOwnersAtStartUpAndThenEveryInterval()
    {
        await _company.AddDealAsync(_company.Rita, "First", stage: "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(6));
        await _company.AddDealAsync(_company.Rita, "Second", stage: "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(1));
        var told = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            foreach (var change in changes.Where(c => c.EntityType == nameof(Notification) && c.RecipientUserId == _company.Rita.Id))
            {
                told[told[0].Task.IsCompleted ? 1 : 0].TrySetResult();
            }

            return Task.CompletedTask;
        });
        var service = Alerts();

        await service.StartAsync(CancellationToken.None);
        await told[0].Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["First"], await ToldAsync());
        _company.Database.Clock.Advance(TimeSpan.FromDays(6));
        await told[1].Task.WaitAsync(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(["First", "Second"], await ToldAsync());
    }

    [Fact]
    public async Task ARoundThatToldOwnersLogsHowManyDeals()
    {
        await _company.AddDealAsync(_company.Rita, "First", stage: "Negotiation");
        await _company.AddDealAsync(_company.Rita, "Second", stage: "Negotiation");
        _company.Database.Clock.Advance(TimeSpan.FromDays(7));
        var logger = new ListLogger<StaleDealAlerts>();

        Assert.Equal(2, await Alerts(logger).RunOnceAsync(CancellationToken.None));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Information, "2 deals that turned stale told to their owners"), (entry.Level, entry.Message));
    }

    [Fact]
    public async Task AFailedRoundIsLoggedAndReportedAsNull()
    {
        var logger = new ListLogger<StaleDealAlerts>();
        _company.Database.Dispose();

        Assert.Null(await Alerts(logger).RunOnceAsync(CancellationToken.None));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Error, "StaleDealAlerts failed; the next round tries again"), (entry.Level, entry.Message));
        Assert.NotNull(entry.Exception);
    }

    private async Task<List<string?>> ToldAsync() =>
        (await new NotificationInbox(_company.Database, _company.Database.Clock).ListAsync(Actor.For(_company.Rita))).Items
            .Where(n => n.Kind == NotificationKind.OpportunityStale).Select(n => n.Argument).Order().ToList();

    private StaleDealAlerts Alerts(ILogger<StaleDealAlerts>? logger = null) => new(
        _company.Deals, _company.Database.Clock, Options.Create(new StaleDealAlertsOptions { Interval = Interval }), logger ?? NullLogger<StaleDealAlerts>.Instance);

    public void Dispose() => _company.Dispose();
}
