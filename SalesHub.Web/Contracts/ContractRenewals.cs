using Microsoft.Extensions.Options;
using SalesHub.Core.Contracts;
using SalesHub.Web.Hosting;

namespace SalesHub.Web.Contracts;

/// <summary>
/// At start-up and then every <see cref="ContractRenewalsOptions.Interval"/>: moves signed contracts to Active and
/// Expired by their dates, then reminds the owners of contracts ending within their reminder days. The contracts'
/// own rows say what is due and who was reminded, so each reminder is sent once even with several app nodes.
/// </summary>
public sealed class ContractRenewals(ContractBook contracts, TimeProvider clock, IOptions<ContractRenewalsOptions> options, ILogger<ContractRenewals> logger)
    : RecurringJob(clock, options.Value.Interval, logger)
{
    /// <summary>Works as of today (UTC, the day contracts are dated by); returns the moves and reminders together.</summary>
    protected override async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var moved = await contracts.AdvanceDueAsync(today, cancellationToken: cancellationToken);
        return moved + await contracts.RemindRenewalsAsync(today, cancellationToken);
    }

    protected override void Report(int done) => Logger.LogInformation("{Count} contract status moves and renewal reminders", done);
}
