using System.Diagnostics;

namespace SalesHub.Web.Bench;

/// <summary>
/// One operation to time. <see cref="PrepareAsync"/> runs before every iteration outside the
/// stopwatch (fetching the form a browser would post, say), so that only <see cref="RunAsync"/>
/// counts.
/// </summary>
internal sealed record BenchScenario(string Name, Func<Task> RunAsync)
{
    public Func<Task> PrepareAsync { get; init; } = () => Task.CompletedTask;

    /// <summary>
    /// Runs the warm-up iterations untimed (JIT, connection set-up, first-query caches), then the
    /// timed ones one after another, so that each sample is a single request's latency.
    /// </summary>
    public async Task<Measurement> MeasureAsync(int warmUpRuns, int runs)
    {
        for (var i = 0; i < warmUpRuns; i++)
        {
            await PrepareAsync();
            await RunAsync();
        }

        var samples = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            await PrepareAsync();
            var started = Stopwatch.GetTimestamp();
            await RunAsync();
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return Measurement.From(Name, samples);
    }
}
