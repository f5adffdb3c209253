using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace SalesHub.Web.Documents;

/// <summary>
/// Prints HTML to A4 PDF with headless Chromium (DESIGN.md "PDF"). One browser process serves every
/// PDF: it starts once (at start-up through <see cref="PdfPrinterWarmUp"/>, or on first use) and is
/// started again only when it has died. Each PDF prints in a page of its own while it prints, so
/// PDFs print in parallel; pages are then reused (see <see cref="DocumentBrowser"/>).
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    // A renderer process per page would cost a process start per PDF (more CPU than printing it):
    // pages share a few renderers instead. Scripts are off, so the lost site isolation guards nothing.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--font-render-hinting=none",
        "--disable-site-isolation-trials", $"--renderer-process-limit={Math.Max(2, Environment.ProcessorCount)}",
    ];

    // Chromium only lays out a page-numbered footer inside the page margin, so the bottom one is larger.
    private static readonly Margin PageMargin = new() { Top = "15mm", Right = "15mm", Bottom = "20mm", Left = "15mm" };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly PdfOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _launching = new(1, 1);
    private readonly SemaphoreSlim _printing;
    private IPlaywright? _playwright;
    private volatile DocumentBrowser? _browser;
    private int _browserLaunches;
    private bool _disposed;

    public PdfPrinter(IOptions<PdfOptions> options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PdfPrinter>();
        _printing = new SemaphoreSlim(Math.Max(1, _options.MaxParallelPrints));
    }

    /// <summary>How many times a browser process was started: 1 for the printer's whole life unless Chromium died.</summary>
    public int BrowserLaunches => Volatile.Read(ref _browserLaunches);

    /// <summary>
    /// Renders a Razor component to an HTML string (the same component a page shows), in
    /// <paramref name="culture"/> when given — a document's language need not be the user's.
    /// </summary>
    public async Task<string> RenderComponentAsync<TComponent>(IDictionary<string, object?> parameters, CultureInfo? culture = null)
        where TComponent : IComponent
    {
        await using var scope = _services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, _loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Set inside this async lambda, the culture reaches the rendering and ends with it.
            if (culture is not null)
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }

            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// Prints <paramref name="html"/> (a whole document) to PDF bytes: A4, backgrounds printed, and a
    /// footer of <paramref name="footerText"/> on every page, in which "{page}" and "{pages}" become
    /// the page number and the page count ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页").
    /// Throws <see cref="PdfUnavailableException"/> when this server has no working Chromium.
    /// </summary>
    public async Task<byte[]> PrintAsync(string html, string footerText, CancellationToken cancellationToken = default)
    {
        await _printing.WaitAsync(cancellationToken);
        try
        {
            var browser = await GetBrowserAsync(cancellationToken);
            try
            {
                return await PrintWithAsync(browser, html, footerText);
            }
            catch (PlaywrightException ex) when (!browser.IsConnected)
            {
                // Chromium died under this document (crashed, killed): a new one prints it, once.
                _logger.LogWarning(ex, "Chromium stopped while printing a PDF; starting it again");
                return await PrintWithAsync(await GetBrowserAsync(cancellationToken), html, footerText);
            }
        }
        finally
        {
            _printing.Release();
        }
    }

    /// <summary>Starts Chromium and prints a small document (fonts, PDF code paths) so that the first real PDF is warm.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        PrintAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><body><p>SalesHub 报价单</p></body></html>", "{page} / {pages}", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _launching.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_browser is { } browser)
            {
                await browser.Browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
        finally
        {
            _launching.Release();
        }
    }

    /// <summary>Chromium's footer template: the caller's text, HTML-encoded, with Chromium's page number fields.</summary>
    private static string FooterTemplate(string footerText)
    {
        var text = WebUtility.HtmlEncode(footerText)
            .Replace("{pages}", "<span class=\"totalPages\"></span>", StringComparison.Ordinal)
            .Replace("{page}", "<span class=\"pageNumber\"></span>", StringComparison.Ordinal);

        // The template starts with a tiny default font and no CJK preference of its own.
        return "<div style=\"width:100%;margin:0 15mm;font-size:9px;color:#555;text-align:center;"
            + "font-family:'Liberation Sans',Arial,'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;\">" + text + "</div>";
    }

    private static async Task<byte[]> PrintWithAsync(DocumentBrowser browser, string html, string footerText)
    {
        var page = await browser.TakePageAsync();
        var printed = false;
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)Timeout.TotalMilliseconds });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Margin = PageMargin,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = FooterTemplate(footerText),
            });
            printed = true;
            return pdf;
        }
        finally
        {
            await browser.ReturnPageAsync(page, printed);
        }
    }

    private async Task<DocumentBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launching.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            var executable = ChromiumDiscovery.Find(_options.ChromiumPath);
            _playwright ??= await Playwright.CreateAsync();
            try
            {
                var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    Args = ChromiumArguments,
                    Timeout = (float)Timeout.TotalMilliseconds,
                });

                // Documents are HTML and CSS; scripts in them (or in text a user typed) never run.
                _browser = new DocumentBrowser(browser, await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }));
            }
            catch (PlaywrightException ex)
            {
                _logger.LogError(ex, "Chromium {Path} did not start; PDFs cannot be printed", executable);
                throw new PdfUnavailableException(PdfUnavailableException.ChromiumNotStarted, executable);
            }

            Interlocked.Increment(ref _browserLaunches);
            _logger.LogInformation("Chromium {Path} started for printing PDFs", executable);
            return _browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    /// <summary>
    /// A running Chromium, its one context for documents, and its idle pages. A page prints one
    /// document at a time and is then reused: opening a page costs more than printing three (a
    /// dozen browser round trips, serialized on the browser's main thread). A page whose document
    /// failed, or that has printed <see cref="UsesPerPage"/> documents, is closed instead.
    /// </summary>
    private sealed class DocumentBrowser(IBrowser browser, IBrowserContext context)
    {
        private const int UsesPerPage = 200;

        private readonly ConcurrentQueue<IPage> _idlePages = new();
        private readonly ConcurrentDictionary<IPage, int> _uses = new();

        public IBrowser Browser => browser;

        public bool IsConnected => browser.IsConnected;

        public async Task<IPage> TakePageAsync()
        {
            while (_idlePages.TryDequeue(out var idle))
            {
                if (!idle.IsClosed)
                {
                    return idle;
                }
            }

            return await context.NewPageAsync();
        }

        public async Task ReturnPageAsync(IPage page, bool printed)
        {
            var uses = _uses.AddOrUpdate(page, 1, (_, count) => count + 1);
            if (printed && uses < UsesPerPage)
            {
                _idlePages.Enqueue(page);
                return;
            }

            _uses.TryRemove(page, out _);
            if (browser.IsConnected)
            {
                await page.CloseAsync();
            }
        }
    }
}
