using System.Diagnostics;

namespace SalesHub.Web.Bench;

/// <summary>
/// The <c>bench</c> verb: starts the app over a fresh database of the requested size, times the
/// operations that exist today — sign-in and pages over loopback HTTP, the customer list and
/// profile, the pipeline board and the quote pricing engine server-side, PDF printing, order confirmations with stock reservation — and reports them (DESIGN.md
/// "Performance", results in docs/performance.md).
/// </summary>
public static class BenchCommand
{
    /// <summary>Enough to JIT the paths, open the connections and fill EF's query cache.</summary>
    private const int WarmUpRuns = 10;

    /// <summary>0 when every request got its expected answer; 1 when one did not; 2 for bad arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        Console.WriteLine($"SalesHub bench, size {options.Dataset.Name}: {options.Runs} timed runs per measurement after {WarmUpRuns} warm-up runs");
        Console.WriteLine($"Machine: {BenchReport.Machine()}");
        await using var host = await BenchHost.StartAsync();
        var (customers, pipeline, stock) = await SeedAsync(host, options.Dataset);
        try
        {
            using var scenarios = new BenchScenarios(host.BaseAddress);
            var measurements = new List<Measurement>();
            var documents = new BenchDocumentScenarios(host.Services);
            foreach (var scenario in (await scenarios.SignInAndListAsync())
                .Concat(new BenchCustomerScenarios(host.Services, customers).List())
                .Concat(new BenchPipelineScenarios(host.Services, pipeline).List())
                .Concat(await scenarios.SignInAndListPipelineAsync(pipeline))
                .Concat(new BenchStockScenarios(host.Services, stock).List())
                .Concat(BenchQuoteScenarios.List())
                .Concat(await documents.ListAsync())
                .Where(s => options.Selects(s.Name)))
            {
                measurements.Add(await scenario.MeasureAsync(WarmUpRuns, options.Runs));
            }

            var throughputs = new List<BenchThroughput>();
            if (options.Selects("pdf: downloads"))
            {
                throughputs.Add(await documents.MeasureDownloadsAsync());
            }

            if (options.Selects("pdf: new versions"))
            {
                throughputs.Add(await documents.MeasurePrintsAsync());
            }

            if (options.Selects("orders: confirmations"))
            {
                throughputs.Add(await new BenchOrderConfirmations(host.Services).MeasureAsync());
            }

            Console.WriteLine();
            BenchReport.WriteTable(Console.Out, measurements);
            BenchReport.WriteThroughputs(Console.Out, throughputs);
            if (options.OutputPath is { } path)
            {
                await BenchReport.AppendMarkdownAsync(path, options, WarmUpRuns, measurements, throughputs);
                Console.WriteLine($"Appended to {path}");
            }

            return 0;
        }
        catch (UnexpectedResponseException ex)
        {
            await Console.Error.WriteLineAsync($"Bench failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<(BenchCustomerSample Customers, BenchPipelineSample Pipeline, BenchStockSample Stock)> SeedAsync(BenchHost host, BenchDataset dataset)
    {
        var started = Stopwatch.GetTimestamp();
        await BenchCompany.SeedAsync(host.Services, dataset);
        Console.WriteLine($"Generated {dataset.Users} users in {dataset.Teams} teams, besides the demo company, in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        started = Stopwatch.GetTimestamp();
        var customers = await BenchCustomers.SeedAsync(host.Services, dataset);
        Console.WriteLine(
            $"Generated {customers.Customers:N0} customers with {customers.Contacts:N0} contacts and {customers.Interactions:N0} interactions "
            + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        started = Stopwatch.GetTimestamp();
        var pipeline = await BenchOpportunities.SeedAsync(host.Services, dataset, customers);
        Console.WriteLine(
            $"Generated {pipeline.Opportunities:N0} opportunities, {pipeline.ManagerOpenDeals:N0} of them open on {pipeline.ManagerEmail}'s team's board, "
            + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        started = Stopwatch.GetTimestamp();
        var stock = await BenchStock.SeedAsync(host.Services, dataset, customers.Manager);
        Console.WriteLine(
            $"Generated {stock.Products:N0} products with {stock.Movements:N0} stock movements, {stock.LowProducts:N0} products under their reorder point, "
            + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        Console.WriteLine($"Not generated yet (their measurements come with the rest of the orders work): {dataset.Orders:N0} orders, {dataset.OrderLines:N0} order lines.");
        return (customers, pipeline, stock);
    }
}
