using SalesHub.Core.Pipeline;

namespace SalesHub.Web.Bench;

/// <summary>
/// Issue #5's board budget, server-side: <see cref="OpportunityBook.BoardAsync"/> as the generated manager
/// whose team has <see cref="BenchOpportunities.TeamOpenDeals"/> open deals — the totals of every column
/// aggregated in SQL and the first cards of each, what the board page loads before it is drawn.
/// </summary>
internal sealed class BenchPipelineScenarios(IServiceProvider services, BenchPipelineSample pipeline)
{
    public IReadOnlyList<BenchScenario> List()
    {
        var deals = services.GetRequiredService<OpportunityBook>();
        return
        [
            new("pipeline: board, 2,000 open deals (manager)", async () =>
            {
                var board = await deals.BoardAsync(pipeline.Manager, new OpportunityQuery());
                var (count, cards) = (board.Columns.Sum(c => c.Count), board.Columns.Sum(c => c.Cards.Count));
                if (count != pipeline.ManagerOpenDeals || cards != board.Columns.Sum(c => Math.Min(c.Count, OpportunityBook.CardsPerColumn)))
                {
                    throw new UnexpectedResponseException($"pipeline: the board counted {count} open deals ({pipeline.ManagerOpenDeals} expected) with {cards} cards.");
                }
            }),
        ];
    }
}
