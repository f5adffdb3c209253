using Microsoft.Extensions.Options;
using SalesHub.Core.Pipeline;

namespace SalesHub.Web.Pipeline;

/// <summary>
/// Tells owners of deals that turned stale, at start-up and then every <see cref="StaleDealAlertsOptions.Interval"/>.
/// The deals' own rows say who was told, so a restart neither loses nor repeats a notification; a failed
/// round is logged and the next one tries again.
/// </summary>
public sealed class StaleDealAlerts(OpportunityBook deals, TimeProvider clock, IOptions<StaleDealAlertsOptions> options, ILogger<StaleDealAlerts> logger)
    : BackgroundService
{
    /// <summary>One round; returns how many owners were told, or null when it failed.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var told = await deals.NotifyStaleAsync(cancellationToken);
            if (told > 0)
            {
                logger.LogInformation("{Count} owners told of deals that turned stale", told);
            }

            return told;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Telling owners of stale deals failed; the next round tries again");
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            await Task.Yield();
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
