using Microsoft.Extensions.Options;
using SalesHub.Core.Pipeline;
using SalesHub.Web.Hosting;

namespace SalesHub.Web.Pipeline;

/// <summary>
/// Tells owners of deals that turned stale, at start-up and then every <see cref="StaleDealAlertsOptions.Interval"/>;
/// the deals' own rows say who was told.
/// </summary>
public sealed class StaleDealAlerts(OpportunityBook deals, TimeProvider clock, IOptions<StaleDealAlertsOptions> options, ILogger<StaleDealAlerts> logger)
    : RecurringJob(clock, options.Value.Interval, logger)
{
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => deals.NotifyStaleAsync(cancellationToken);

    protected override void Report(int done) => Logger.LogInformation("{Count} owners told of deals that turned stale", done);
}
