using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;
using SalesHub.Web.Documents;

namespace SalesHub.Web.Bench;

/// <summary>
/// Quote PDFs, timed in-process through the app's own <see cref="QuotePdfs"/> (the printout component,
/// the one warm Chromium, the PDF cache) as a demo rep: a three-page Chinese quote whose draft is
/// edited before every timed run, so that each run prints a new version (issue #4: ≤ 300 ms warm); and
/// four callers downloading sent three-page quotes for a while (≥ 10 per second), where each sent
/// revision prints once and is then served from memory. Every PDF must have its three pages, so that
/// a blank or truncated one never passes for a fast one.
/// </summary>
internal sealed partial class BenchDocumentScenarios(IServiceProvider services)
{
    public const int ParallelDownloads = 4;

    /// <summary>How long the four callers keep downloading.</summary>
    public static readonly TimeSpan DownloadPeriod = TimeSpan.FromSeconds(10);

    private const int ExpectedPages = 3;

    /// <summary>Enough lines of the products below to fill three A4 pages of the printout, not four.</summary>
    private const int Lines = 55;

    /// <summary>Sent quotes the callers download in turn; the first download of each prints it.</summary>
    private const int SentQuotes = 10;

    private readonly QuotePdfs _pdfs = services.GetRequiredService<QuotePdfs>();
    private readonly QuoteBook _quotes = services.GetRequiredService<QuoteBook>();
    private Actor _rep = Actor.System;
    private QuoteDraft? _draft;
    private int _draftId;
    private long _draftVersion;
    private int[] _sent = [];

    public async Task<IReadOnlyList<BenchScenario>> ListAsync()
    {
        await SetUpAsync();
        return
        [
            new("pdf: 3-page quote, new version (warm)", PrintNewVersionAsync) { PrepareAsync = EditDraftAsync },
        ];
    }

    /// <summary>
    /// <see cref="ParallelDownloads"/> callers download the sent quotes round-robin for <see cref="DownloadPeriod"/>;
    /// reports how many downloads that was and how many of them had to be printed.
    /// </summary>
    public async Task<BenchThroughput> MeasureDownloadsAsync()
    {
        var printsBefore = _pdfs.Prints;
        var downloads = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, ParallelDownloads).Select(async caller =>
        {
            for (var i = caller; Stopwatch.GetElapsedTime(started) < DownloadPeriod; i += ParallelDownloads)
            {
                RequirePages((await _pdfs.GetAsync(_rep, _sent[i % _sent.Length])).Content);
                Interlocked.Increment(ref downloads);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new BenchThroughput($"pdf: downloads of {SentQuotes} sent 3-page quotes, {ParallelDownloads} in parallel", downloads, elapsed)
        {
            Printed = _pdfs.Prints - printsBefore,
        };
    }

    /// <summary>
    /// <see cref="ParallelDownloads"/> callers each edit their own draft and download it again for <see cref="DownloadPeriod"/>,
    /// so that every download prints: what the printer itself keeps up with when nothing comes from the cache.
    /// </summary>
    public async Task<BenchThroughput> MeasurePrintsAsync()
    {
        var drafts = new List<(int Id, long Version)>();
        for (var i = 0; i < ParallelDownloads; i++)
        {
            var id = await _quotes.CreateDraftAsync(_rep, _draft!);
            drafts.Add((id, (await _quotes.GetAsync(_rep, id)).Quote.Version));
        }

        var printsBefore = _pdfs.Prints;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(drafts.Select(async draft =>
        {
            var (id, version) = draft;
            for (var quantity = 1; Stopwatch.GetElapsedTime(started) < DownloadPeriod; quantity++)
            {
                await _quotes.UpdateDraftAsync(_rep, id, _draft! with { Lines = [_draft.Lines[0] with { Quantity = quantity }, .. _draft.Lines.Skip(1)] }, version++);
                RequirePages((await _pdfs.GetAsync(_rep, id)).Content);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var printed = _pdfs.Prints - printsBefore;
        return new BenchThroughput($"pdf: new versions of {ParallelDownloads} 3-page drafts, {ParallelDownloads} in parallel", printed, elapsed) { Printed = printed };
    }

    private async Task PrintNewVersionAsync()
    {
        var printsBefore = _pdfs.Prints;
        RequirePages((await _pdfs.GetAsync(_rep, _draftId)).Content);
        if (_pdfs.Prints != printsBefore + 1)
        {
            throw new UnexpectedResponseException("pdf: an edited draft was not printed again.");
        }
    }

    /// <summary>Untimed: one more of the first line, so that the draft has a new version to print.</summary>
    private async Task EditDraftAsync()
    {
        var draft = _draft!;
        var first = draft.Lines[0];
        _draft = draft with { Lines = [first with { Quantity = first.Quantity + 1 }, .. draft.Lines.Skip(1)] };
        await _quotes.UpdateDraftAsync(_rep, _draftId, _draft, _draftVersion);
        _draftVersion = (await _quotes.GetAsync(_rep, _draftId)).Quote.Version;
    }

    private async Task SetUpAsync()
    {
        var manager = await services.DemoActorAsync(DemoCompany.ManagerEmail);
        _rep = await services.DemoActorAsync(DemoCompany.Rep1Email);
        var catalog = services.GetRequiredService<ProductCatalog>();
        var products = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            products.Add(await catalog.CreateAsync(manager, new ProductDetails(
                $"CH-{i:00}",
                $"Ergonomic office chair, model {i}", $"人体工学办公椅（型号 {i}），网背",
                "Furniture", "把", 1280m + i, 700m, i % 3 == 0 ? 6m : 13m)));
        }

        var customer = await services.GetRequiredService<CustomerDirectory>().CreateAsync(_rep, new NewCustomer(
            new CustomerDetails("上海华联贸易有限公司", CustomerKind.Company, null, null, "上海市", "浦东新区世纪大道 100 号", null, null, CustomerStatus.Active, null),
            IgnoreDuplicates: true));
        _draft = new QuoteDraft(
            customer, null, "zh-CN",
            [.. Enumerable.Range(0, Lines).Select(i => new QuoteLineInput(products[i % products.Count], i % 7 + 1))],
            DiscountPercent: 2m, Notes: "含运费及安装。", Terms: "款到发货；质保一年。");
        _draftId = await _quotes.CreateDraftAsync(_rep, _draft);
        _draftVersion = (await _quotes.GetAsync(_rep, _draftId)).Quote.Version;

        _sent = new int[SentQuotes];
        for (var i = 0; i < _sent.Length; i++)
        {
            _sent[i] = await _quotes.CreateDraftAsync(_rep, _draft);
            await _quotes.SendAsync(_rep, _sent[i], (await _quotes.GetAsync(_rep, _sent[i])).Quote.Version);
        }
    }

    private static void RequirePages(byte[] pdf)
    {
        var pages = PageObject().Count(Encoding.Latin1.GetString(pdf));
        if (pages != ExpectedPages)
        {
            throw new UnexpectedResponseException($"pdf: {pages} pages printed, expected {ExpectedPages}.");
        }
    }

    // Chromium writes one uncompressed "/Type /Page" dictionary per page (and one "/Type /Pages" tree).
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
