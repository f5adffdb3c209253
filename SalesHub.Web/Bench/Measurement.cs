using System.Diagnostics;

namespace SalesHub.Web.Bench;

/// <summary>One measured operation: its latency distribution and the process's peak memory right after it.</summary>
internal sealed record Measurement(string Name, double MedianMs, double P95Ms, double PeakWorkingSetMb)
{
    public static Measurement From(string name, IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        using var process = Process.GetCurrentProcess();
        return new Measurement(name, Percentile(sorted, 0.50), Percentile(sorted, 0.95), process.PeakWorkingSet64 / 1024.0 / 1024.0);
    }

    // Nearest rank: a percentile is always a time that was actually observed, never an interpolation.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
