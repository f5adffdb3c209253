using System.Globalization;

namespace SalesHub.Web.Bench;

/// <summary>The bench verb's arguments: which data size, how many timed runs, where to append the results, which measurements.</summary>
internal sealed record BenchOptions(BenchDataset Dataset, int Runs, string? OutputPath)
{
    public const string Usage =
        "usage: bench [--size smb|mid] [--runs N] [--output FILE] [--only PREFIX[,PREFIX…]]\n"
        + "  a relative FILE starts from the working directory, which dotnet run --project sets to the project's folder\n"
        + "  --only runs just the measurements whose names start with one of the PREFIXes (\"pdf\", \"customers: search,pipeline\"), for a quick check";

    /// <summary>The start of the names of the measurements to run; null for all of them.</summary>
    public string? Only { get; init; }

    public bool Selects(string measurement) =>
        Only is null || Only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(p => measurement.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Enough runs for a stable p95 of a request that takes a few milliseconds.</summary>
    private const int DefaultRuns = 200;

    /// <summary>Reads the arguments after the verb; a mistake throws <see cref="ArgumentException"/> with a message for the console.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(BenchDataset.Smb, DefaultRuns, null);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--size" => options with { Dataset = BenchDataset.Named(value) },
                "--runs" => options with { Runs = ParseRuns(value) },
                "--output" => options with { OutputPath = ParseOutputPath(value) },
                "--only" => options with { Only = value },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    /// <summary>Checked before the run, so that minutes of measuring are not lost to a mistyped folder.</summary>
    private static string ParseOutputPath(string value)
    {
        var path = Path.GetFullPath(value);
        return Directory.Exists(Path.GetDirectoryName(path))
            ? path
            : throw new ArgumentException($"--output: the folder of {path} does not exist.");
    }

    private static int ParseRuns(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : throw new ArgumentException($"--runs needs a positive whole number, not '{value}'.");
}
