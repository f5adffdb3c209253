using Microsoft.Extensions.Options;
using SalesHub.Core.Quoting;

namespace SalesHub.Web.Quoting;

/// <summary>
/// Marks sent quotes past their validity date Expired, at start-up and then every
/// <see cref="QuoteExpiryOptions.Interval"/>. The quotes' own rows say what is due, so a restart
/// neither loses nor repeats work; a failed round is logged and the next one tries again.
/// </summary>
public sealed class QuoteExpiry(QuoteBook quotes, TimeProvider clock, IOptions<QuoteExpiryOptions> options, ILogger<QuoteExpiry> logger)
    : BackgroundService
{
    /// <summary>One round: expires what is due today (UTC, the day quotes are dated by); returns how many, or null when it failed.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var expired = await quotes.ExpireDueAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (expired > 0)
            {
                logger.LogInformation("{Count} quotes past their validity date expired", expired);
            }

            return expired;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Expiring quotes failed; the next round tries again");
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The interval counts from start-up; the first round runs off the start-up path.
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
