using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesHub.Web.Documents;

namespace SalesHub.Tests.Web.Documents;

/// <summary>One Chromium for the class, as the app has one: every test prints through the same printer.</summary>
public sealed class PdfPrinterFixture : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("SALESHUB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    public PdfPrinter Printer { get; private set; } = null!;

    public static PdfPrinter Create(string chromiumPath, IServiceProvider services) =>
        new(Options.Create(new PdfOptions { ChromiumPath = chromiumPath }), services, NullLoggerFactory.Instance);

    public Task InitializeAsync()
    {
        Printer = Create(ChromiumPath, _services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Printer.DisposeAsync();
        await _services.DisposeAsync();
    }
}

public sealed class PdfPrinterTests(PdfPrinterFixture fixture) : IClassFixture<PdfPrinterFixture>
{
    private const string Company = "上海华联贸易有限公司";
    private const string EnglishFooter = "Page {page} of {pages}";

    // Enough rows of the table below to fill three A4 pages, not four.
    private const int ThreePagesOfRows = 100;

    [Fact]
    public async Task PrintsChineseTextAndRepeatsTheTableHeaderOnEveryPage()
    {
        var pages = await PdfText.PagesAsync(await fixture.Printer.PrintAsync(TableHtml(Company, ThreePagesOfRows), EnglishFooter));

        Assert.Equal(3, pages.Count);
        Assert.Contains(Company, pages[0], StringComparison.Ordinal);
        Assert.All(pages, page => Assert.Contains("Product description", page, StringComparison.Ordinal));
        Assert.All(pages.Select((page, i) => (page, number: i + 1)), p => Assert.Contains($"Page {p.number} of 3", p.page, StringComparison.Ordinal));
        Assert.Contains($"办公椅 Office chair {ThreePagesOfRows}", pages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComponentPrintsTheSameTextAsTheHtmlItRenders()
    {
        var html = await fixture.Printer.RenderComponentAsync<PrintedTable>(new Dictionary<string, object?>
        {
            [nameof(PrintedTable.Company)] = Company,
            [nameof(PrintedTable.Rows)] = ThreePagesOfRows,
        });

        var fromComponent = await PdfText.PagesAsync(await fixture.Printer.PrintAsync(html, EnglishFooter));
        var fromHtml = await PdfText.PagesAsync(await fixture.Printer.PrintAsync(TableHtml(Company, ThreePagesOfRows), EnglishFooter));

        Assert.Equal(fromHtml, fromComponent);
    }

    [Fact]
    public async Task TheFooterSpeaksTheDocumentsLanguage()
    {
        var pages = await PdfText.PagesAsync(await fixture.Printer.PrintAsync(TableHtml(Company, ThreePagesOfRows), "第 {page} 页，共 {pages} 页"));

        Assert.Contains("第 1 页，共 3 页", pages[0], StringComparison.Ordinal);
        Assert.Contains("第 3 页，共 3 页", pages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutChromiumTheErrorSaysHowToInstallIt()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var printer = PdfPrinterFixture.Create("/nonexistent/chromium", services);

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => printer.PrintAsync(TableHtml(Company, 1), EnglishFooter));

        Assert.Equal("Pdf.ChromiumMissing", error.Code);
        Assert.Equal(0, printer.BrowserLaunches);
    }

    [Fact]
    public async Task TwentyPdfsPrintAtOnceInOneBrowser()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => fixture.Printer.PrintAsync(TableHtml($"{Company} {i}", 5), EnglishFooter)));

        var texts = await Task.WhenAll(pdfs.Select(PdfText.PagesAsync));
        Assert.All(texts.Select((pages, i) => (pages, i + 1)), t => Assert.Contains($"{Company} {t.Item2}", Assert.Single(t.pages), StringComparison.Ordinal));

        Assert.Equal(1, fixture.Printer.BrowserLaunches);
    }

    /// <summary>The HTML that <see cref="PrintedTable"/> renders, written by hand.</summary>
    private static string TableHtml(string company, int rows)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8" />
            <style>
            body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 12px; margin: 0; }
            table { width: 100%; border-collapse: collapse; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; }
            th, td { border: 1px solid #999; padding: 4px; height: 16px; text-align: left; }
            </style>
            </head>
            <body>
            """);
        html.Append("<h1>").Append(company).Append("</h1><table><thead><tr><th>Line</th><th>Product description</th><th>Quantity</th></tr></thead><tbody>");
        for (var line = 1; line <= rows; line++)
        {
            html.Append("<tr><td>").Append(line).Append("</td><td>办公椅 Office chair ").Append(line).Append("</td><td>").Append(line * 2).Append("</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }
}
