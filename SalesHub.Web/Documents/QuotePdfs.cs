using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Documents;

/// <summary>
/// Quote PDFs: the <see cref="QuotePrintout"/> printed by the one Chromium. A printout that was
/// printed before is served from memory: a sent revision never changes, so downloading it again costs
/// no print, while anything that changes the printout (an edited draft, new company details, a
/// renamed customer) makes a new one. The cache is bounded (<see cref="CacheBytes"/>, least recently
/// used first out), and holds bytes only: every request still builds the document for the caller,
/// so a quote is served only to whoever may see it.
/// </summary>
public sealed class QuotePdfs : IDisposable
{
    /// <summary>The most PDF bytes kept in memory.</summary>
    public const long CacheBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions KeyOptions = new();

    private readonly QuoteDocuments _documents;
    private readonly PdfPrinter _printer;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    // One print per printout, however many ask for it at once.
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _printing = new();
    private int _prints;

    public QuotePdfs(QuoteDocuments documents, PdfPrinter printer)
    {
        _documents = documents;
        _printer = printer;
    }

    /// <summary>How many PDFs were printed (not served from memory) since start-up.</summary>
    public int Prints => Volatile.Read(ref _prints);

    /// <summary>
    /// The quote's PDF and its file name ("Q2026-00001-v2.pdf"). A quote the actor may not see is not
    /// found; without a working Chromium, <see cref="PdfUnavailableException"/> says how to install it.
    /// </summary>
    public async Task<QuotePdf> GetAsync(Actor actor, int quoteId, CancellationToken cancellationToken = default)
    {
        var document = await _documents.GetAsync(actor, quoteId, cancellationToken);
        var key = CacheKey(document);
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return new QuotePdf(cached, document.FileName);
        }

        var printing = _printing.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => PrintAsync(key, document)));
        try
        {
            return new QuotePdf(await printing.Value.WaitAsync(cancellationToken), document.FileName);
        }
        finally
        {
            if (printing.Value.IsCompleted)
            {
                _printing.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, printing));
            }
        }
    }

    /// <summary>The printout's HTML page, as the PDF prints it.</summary>
    public async Task<string> RenderHtmlAsync(QuoteDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var culture = CultureInfo.GetCultureInfo(document.Language);
        var body = await _printer.RenderComponentAsync<QuotePrintout>(
            new Dictionary<string, object?> { [nameof(QuotePrintout.Document)] = document }, culture);
        return $"<!DOCTYPE html><html lang=\"{document.Language}\"><head><meta charset=\"utf-8\"><title>{document.FileName}</title>"
            + "<style>body{margin:0;}</style></head><body>" + body + "</body></html>";
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// What the printout shows, hashed: the quote's number, revision and version and the company
    /// settings' version are in it, and so is everything else printed (the customer's address, the rep's phone).
    /// </summary>
    private static string CacheKey(QuoteDocument document)
    {
        var shown = document with { Company = document.Company with { Logo = null } };
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(shown, KeyOptions));
        return string.Create(CultureInfo.InvariantCulture, $"{document.QuoteId}:{document.QuoteVersion}:{document.Company.SettingsVersion}:{Convert.ToHexString(hash)}");
    }

    private async Task<byte[]> PrintAsync(string key, QuoteDocument document)
    {
        // Not the caller's token: others may be waiting for this print too.
        var html = await RenderHtmlAsync(document);
        var footer = new DocumentText(CultureInfo.GetCultureInfo(document.Language))["QuoteDocument.Footer"];
        var pdf = await _printer.PrintAsync(html, footer);
        Interlocked.Increment(ref _prints);
        _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length });
        return pdf;
    }
}

/// <summary>A quote's PDF and the name to save it under.</summary>
public sealed record QuotePdf(byte[] Content, string FileName);
