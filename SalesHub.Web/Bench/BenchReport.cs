using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SalesHub.Web.Bench;

/// <summary>
/// Prints the measurements for the console and appends them, with the machine they were taken on,
/// as a markdown table for docs/performance.md: a number means little without its hardware.
/// </summary>
internal static class BenchReport
{
    private static readonly string[] Headers = ["Measurement", "Median (ms)", "p95 (ms)", "Peak working set (MB)"];

    public static string Machine()
    {
        var memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memoryGb:0.0} GB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    public static void WriteTable(TextWriter output, IReadOnlyList<Measurement> measurements)
    {
        var rows = measurements.Select(Cells).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            // Names left-aligned, numbers right-aligned so that their digits line up.
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
            if (index == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    public static void WriteThroughputs(TextWriter output, IReadOnlyList<BenchThroughput> throughputs)
    {
        foreach (var throughput in throughputs)
        {
            output.WriteLine($"Throughput, {throughput}");
        }
    }

    public static async Task AppendMarkdownAsync(
        string path, BenchOptions options, int warmUpRuns, IReadOnlyList<Measurement> measurements, IReadOnlyList<BenchThroughput> throughputs)
    {
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### Size {options.Dataset.Name}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Machine()}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{options.Runs} timed runs per measurement after {warmUpRuns} warm-up runs.")
            .AppendLine()
            .AppendLine($"| {string.Join(" | ", Headers)} |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var cells in measurements.Select(Cells))
        {
            markdown.AppendLine($"| {string.Join(" | ", cells)} |");
        }

        markdown.AppendLine();
        foreach (var throughput in throughputs)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"Throughput, {throughput}.");
        }

        await File.AppendAllTextAsync(path, markdown.AppendLine().ToString());
    }

    private static string[] Cells(Measurement m) =>
    [
        m.Name,
        m.MedianMs.ToString("0.00", CultureInfo.InvariantCulture),
        m.P95Ms.ToString("0.00", CultureInfo.InvariantCulture),
        m.PeakWorkingSetMb.ToString("0", CultureInfo.InvariantCulture),
    ];
}
