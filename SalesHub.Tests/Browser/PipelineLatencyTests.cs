using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

/// <summary>
/// Issue #5's live-update budget: a move made through <see cref="OpportunityBook.MoveAsync"/> (as a drag or the
/// API makes it) shows on another user's open board within 150 ms (p95) on loopback.
/// </summary>
/// <remarks>
/// How it is timed: before each move, a MutationObserver in the watching page waits for the card to appear in
/// the target column and stamps the moment with <c>performance.timeOrigin + performance.now()</c>, synchronously
/// with the DOM change. The test stamps the moment it calls <c>MoveAsync</c> with the same machine's clock, and
/// each page's clock is aligned with the test's first by the tightest of several round trips. So the latency is
/// neither the polling interval of a wait nor the time the test takes to notice; it includes the save itself.
/// It is not counted from <c>MoveAsync</c>'s return: the change feed's subscribers (the other boards' live
/// refresh) start their reload on the saving thread, so the other board has often changed before the call returns.
/// The test runs alone (<see cref="PipelineLatencyCollection"/>) so that other tests do not share its two cores.
/// </remarks>
[Collection(PipelineLatencyCollection.Name)]
public sealed class PipelineLatencyTests(BrowserApp browser, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const int Moves = 50;
    private const double BudgetMs = 150;

    private const string ArmScript = """
        ([id, stage]) => {
            const selector = `[data-testid=board-column][data-stage='${stage}'] [data-testid=deal-card][data-id='${id}']`;
            window.__arrival = null;
            const observer = new MutationObserver(() => {
                if (document.querySelector(selector)) {
                    window.__arrival = performance.timeOrigin + performance.now();
                    observer.disconnect();
                }
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        }
        """;

    private T Get<T>()
        where T : notnull => browser.App.Services.GetRequiredService<T>();

    [Fact]
    public Task FiftyMovesReachTheOtherBoardWithinTheBudget() => browser.RunAsync(nameof(FiftyMovesReachTheOtherBoardWithinTheBudget), async session =>
    {
        var deals = Get<OpportunityBook>();
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var martin = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var stages = (await Get<PipelineStages>().ListAsync(rita)).ToDictionary(s => s.NameEn, s => s.Id);
        int[] between = [stages["Demo"], stages["Proposal"]];
        var customer = (await Get<CustomerDirectory>().ListAsync(rita, new CustomerQuery { OwnerId = rita.UserId, PageSize = 1 })).Items[0];
        var id = await deals.CreateAsync(rita, new OpportunityDraft(
            customer.Id, "Latency probe", 10_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), between[0]));
        var rep = await OpenBoardAsync(session, DemoCompany.Rep1Email);
        var manager = await OpenBoardAsync(session, DemoCompany.ManagerEmail);
        var offsets = new Dictionary<IPage, double> { [rep] = await ClockOffsetAsync(rep), [manager] = await ClockOffsetAsync(manager) };

        var latencies = new List<double>(Moves);
        for (var move = 0; move < Moves; move++)
        {
            var (from, to) = (between[move % 2], between[(move + 1) % 2]);
            // Managers and reps take turns moving; the other one's board is timed.
            var (mover, watcher) = move % 2 == 0 ? (martin, rep) : (rita, manager);
            await Expect(Card(rep, id, from)).ToBeVisibleAsync();
            await Expect(Card(manager, id, from)).ToBeVisibleAsync();
            await watcher.EvaluateAsync(ArmScript, new object[] { id, to });
            var version = (await deals.GetAsync(mover, id)).Version;

            var moved = NowMs();
            await deals.MoveAsync(mover, id, new OpportunityMove(to), version);
            var arrival = await (await watcher.WaitForFunctionAsync("() => window.__arrival")).JsonValueAsync<double>();

            latencies.Add(arrival - offsets[watcher] - moved);
        }

        var (p50, p95) = (NearestRank(latencies, 0.50), NearestRank(latencies, 0.95));
        var report = string.Create(CultureInfo.InvariantCulture,
            $"Pipeline live update, {Moves} moves on loopback (MoveAsync called -> card in the new column of the other board): "
            + $"p50 {p50:0.0} ms, p95 {p95:0.0} ms, min {latencies.Min():0.0} ms, max {latencies.Max():0.0} ms, budget p95 <= {BudgetMs:0} ms");
        output.WriteLine(report);
        Directory.CreateDirectory(BrowserApp.ArtifactsDirectory);
        await File.WriteAllTextAsync(Path.Combine(BrowserApp.ArtifactsDirectory, "pipeline-latency.txt"), report + Environment.NewLine);
        Assert.True(p95 <= BudgetMs, report);
    });

    /// <summary>The page's clock minus the test's, from the round trip with the least delay (its midpoint).</summary>
    private static async Task<double> ClockOffsetAsync(IPage page)
    {
        var (best, offset) = (double.MaxValue, 0d);
        for (var i = 0; i < 10; i++)
        {
            var before = NowMs();
            var inPage = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var after = NowMs();
            if (after - before < best)
            {
                (best, offset) = (after - before, inPage - ((before + after) / 2));
            }
        }

        return offset;
    }

    private static double NowMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private static double NearestRank(List<double> samples, double quantile)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
    }

    private static async Task<IPage> OpenBoardAsync(BrowserSession session, string email)
    {
        var page = await session.SignInAsync(email);
        await page.GotoAsync("/pipeline");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("board").WaitForAsync();
        return page;
    }

    private static ILocator Card(IPage page, int id, int stageId) =>
        page.Locator($"[data-testid=board-column][data-stage='{stageId.ToString(CultureInfo.InvariantCulture)}'] "
            + $"[data-testid=deal-card][data-id='{id.ToString(CultureInfo.InvariantCulture)}']");
}

/// <summary>A measurement, run after the other tests rather than beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineLatencyCollection
{
    public const string Name = "Pipeline latency";
}
