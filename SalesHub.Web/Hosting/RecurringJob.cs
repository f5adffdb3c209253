namespace SalesHub.Web.Hosting;

/// <summary>
/// Background work driven by rows in the database, run at start-up (off the start-up path) and then every
/// interval counted from start-up. The rows say what is due, so a restart neither loses nor repeats work;
/// a failed round is logged and the next one tries again.
/// </summary>
public abstract class RecurringJob(TimeProvider clock, TimeSpan interval, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>One round; returns how much it did, or null when it failed.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var done = await RoundAsync(cancellationToken);
            if (done > 0)
            {
                Report(done);
            }

            return done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Job} failed; the next round tries again", GetType().Name);
            return null;
        }
    }

    /// <summary>The work of one round; returns how much it did.</summary>
    protected abstract Task<int> RoundAsync(CancellationToken cancellationToken);

    /// <summary>Logs what a round that did something did.</summary>
    protected abstract void Report(int done);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
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
