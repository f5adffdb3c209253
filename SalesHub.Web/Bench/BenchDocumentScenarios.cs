using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesHub.Web.Documents;

namespace SalesHub.Web.Bench;

/// <summary>
/// PDF printing, timed in-process through the app's own <see cref="PdfPrinter"/> (its one warm
/// Chromium): a three-page quote-like document, one at a time for latency and four at a time for
/// sustained throughput (issue #4: ≤ 300 ms warm, ≥ 10 PDFs per second). Every PDF must have its
/// three pages, so that a blank or truncated one never passes for a fast one.
/// </summary>
internal sealed partial class BenchDocumentScenarios(PdfPrinter printer)
{
    public const int ParallelPrints = 4;

    private const int ExpectedPages = 3;

    /// <summary>Enough lines to fill three A4 pages of the document below, not four.</summary>
    private const int Lines = 90;

    private readonly string _document = ThreePageDocument();

    public IReadOnlyList<BenchScenario> List() => [new("pdf: 3-page document (warm)", PrintAsync)];

    /// <summary>Prints <paramref name="documents"/> PDFs with <see cref="ParallelPrints"/> always in flight.</summary>
    public async Task<BenchThroughput> MeasureThroughputAsync(int documents)
    {
        var remaining = documents;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, ParallelPrints).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await PrintAsync();
            }
        }));
        return new BenchThroughput($"pdf: 3-page documents, {ParallelPrints} in parallel", documents, Stopwatch.GetElapsedTime(started));
    }

    private async Task PrintAsync()
    {
        var pdf = await printer.PrintAsync(_document, "Page {page} of {pages}");
        var pages = PageObject().Count(Encoding.Latin1.GetString(pdf));
        if (pages != ExpectedPages)
        {
            throw new UnexpectedResponseException($"pdf: {pages} pages printed, expected {ExpectedPages}.");
        }
    }

    /// <summary>A quote's shape: letterhead, customer, a line table whose header repeats on each page, totals.</summary>
    private static string ThreePageDocument()
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><style>
            body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 11px; margin: 0; }
            table { width: 100%; border-collapse: collapse; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; }
            th { background: #eef2f7; }
            th, td { border: 1px solid #ccd; padding: 4px 6px; text-align: left; }
            td.amount { text-align: right; }
            </style></head><body>
            <h1>SalesHub 示例公司</h1>
            <p>报价单 Q-2026-0001 · 客户：上海华联贸易有限公司 · 有效期至 2026-12-31</p>
            <table><thead><tr><th>#</th><th>SKU</th><th>产品 Product</th><th>数量</th><th>单价</th><th>金额</th></tr></thead><tbody>
            """);
        for (var line = 1; line <= Lines; line++)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{line}</td><td>SKU-{line:0000}</td><td>人体工学办公椅 Ergonomic office chair, model {line}</td><td>{line % 7 + 1}</td><td class=\"amount\">¥1,280.00</td><td class=\"amount\">¥{(line % 7 + 1) * 1280:N2}</td></tr>");
        }

        return html.Append("</tbody></table><p>合计 Total: ¥460,800.00</p></body></html>").ToString();
    }

    // Chromium writes one uncompressed "/Type /Page" dictionary per page (and one "/Type /Pages" tree).
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}

/// <summary>Documents made one after another by a fixed number of parallel callers, and how long they took.</summary>
internal sealed record BenchThroughput(string Name, int Documents, TimeSpan Elapsed)
{
    public double PerSecond => Documents / Elapsed.TotalSeconds;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Documents} in {Elapsed.TotalSeconds:0.00} s = {PerSecond:0.0} per second");
}
