using System.Globalization;

namespace SalesHub.Web.Bench;

/// <summary>Operations done one after another by a fixed number of parallel callers, how long they took, and for documents how many of them were printed.</summary>
internal sealed record BenchThroughput(string Name, int Count, TimeSpan Elapsed)
{
    /// <summary>How many of the documents had to be printed (the rest came from the PDF cache); null when all were.</summary>
    public int? Printed { get; init; }

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count} in {Elapsed.TotalSeconds:0.00} s = {PerSecond:0.0} per second")
        + (Printed is { } printed ? string.Create(CultureInfo.InvariantCulture, $" ({printed} printed, {Count - printed} from the cache)") : "");
}
