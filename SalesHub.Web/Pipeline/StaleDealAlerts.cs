using Microsoft.Extensions.Options;
using SalesHub.Core.Pipeline;
using SalesHub.Web.Hosting;

namespace SalesHub.Web.Pipeline;

/// <summary>
/// Tells owners of deals that turned stale, at start-up and then every <see cref="StaleDealAlertsOptions.Interval"/>;
/// the deals' own rows say which were told of, so each staleness is told once even with several app nodes.
/// </summary>
public sealed class StaleDealAlerts(OpportunityBook deals, TimeProvider clock, IOptions<StaleDealAlertsOptions> options, ILogger<StaleDealAlerts> logger)
    : RecurringJob(clock, options.Value.Interval, logger)
{
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => deals.NotifyStaleAsync(cancellationToken);

    protected override void Report(int done) => Logger.LogInformation("{Count} deals that turned stale told to their owners", done);
}
