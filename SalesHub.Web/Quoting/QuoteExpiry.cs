using Microsoft.Extensions.Options;
using SalesHub.Core.Quoting;
using SalesHub.Web.Hosting;

namespace SalesHub.Web.Quoting;

/// <summary>
/// Marks sent quotes past their validity date Expired, at start-up and then every
/// <see cref="QuoteExpiryOptions.Interval"/>; the quotes' own rows say what is due.
/// </summary>
public sealed class QuoteExpiry(QuoteBook quotes, TimeProvider clock, IOptions<QuoteExpiryOptions> options, ILogger<QuoteExpiry> logger)
    : RecurringJob(clock, options.Value.Interval, logger)
{
    /// <summary>Expires what is due today (UTC, the day quotes are dated by).</summary>
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) =>
        quotes.ExpireDueAsync(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), cancellationToken);

    protected override void Report(int done) => Logger.LogInformation("{Count} quotes past their validity date expired", done);
}
