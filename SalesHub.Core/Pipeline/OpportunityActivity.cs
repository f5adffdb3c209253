using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;

namespace SalesHub.Core.Pipeline;

/// <summary>An interaction with a customer is activity on each of the customer's open deals, whoever logs it.</summary>
internal static class OpportunityActivity
{
    /// <summary>Moves the open deals' activity clocks to <paramref name="at"/> (never into the future) in <paramref name="db"/>'s unit of work.</summary>
    public static async Task RecordAsync(SalesHubDbContext db, int customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow();
        var when = at > now ? now : at;
        var deals = await db.Opportunities.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]).Include(o => o.Stage)
            .Where(o => o.CustomerId == customerId && o.Stage!.Kind == PipelineStageKind.Open && o.LastActivityAt < when)
            .ToListAsync(cancellationToken);
        deals.ForEach(o => o.RecordActivity(when));
    }
}
