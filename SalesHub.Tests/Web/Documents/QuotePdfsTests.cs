using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Web.Documents;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Documents;

/// <summary>Quote PDFs printed by the real Chromium (one for the class) and read back with pdftotext.</summary>
public sealed class QuotePdfsTests : IClassFixture<PdfPrinterFixture>, IDisposable
{
    private readonly PrintableQuotes _quotes = new();
    private readonly QuotePdfs _pdfs;

    public QuotePdfsTests(PdfPrinterFixture fixture) => _pdfs = new QuotePdfs(_quotes.Documents, fixture.Printer);

    [Theory]
    [InlineData("zh-CN", "第 1 页，共 1 页", "税额（13%，计税金额 {0}）")]
    [InlineData("en", "Page 1 of 1", "Tax at 13% on {0}")]
    public async Task ThePdfShowsTheCustomerAndTheTotalsTheEngineComputesAsTheScreenFormatsThem(string language, string footer, string taxLine)
    {
        var id = await _quotes.CreateAsync(language);
        var totals = (await _quotes.Company.Quotes.GetAsync(_quotes.Rita, id)).Totals;

        var pdf = await _pdfs.GetAsync(_quotes.Rita, id);
        var page = Assert.Single(await PdfText.PagesAsync(pdf.Content));

        var culture = CultureInfo.GetCultureInfo(language);
        string Money(decimal amount) => MoneyText.Format(amount, "¥", culture);
        Assert.Equal("Q2026-00001-v1.pdf", pdf.FileName);
        Assert.Contains(PrintableQuotes.CustomerName, page, StringComparison.Ordinal);
        Assert.Contains("Q2026-00001", page, StringComparison.Ordinal);
        Assert.Equal(2, totals.Taxes.Count);
        Assert.Contains(string.Format(culture, taxLine, Money(totals.Taxes[1].Untaxed)), page, StringComparison.Ordinal);
        string[] amounts =
        [
            Money(totals.Subtotal), Money(-totals.LineDiscounts), Money(-totals.QuoteDiscount), Money(totals.Untaxed),
            Money(totals.Taxes[0].Untaxed), Money(totals.Taxes[0].Tax), Money(totals.Taxes[1].Tax), Money(totals.Total),
        ];
        Assert.All(amounts, amount => Assert.Contains(amount, page, StringComparison.Ordinal));
        Assert.Contains(footer, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "产品名称", "第 2 页，共 {0} 页")]
    [InlineData("en", "Product", "Page 2 of {0}")]
    public async Task ALongQuoteRepeatsTheTableHeaderOnEveryPage(string language, string productHeader, string secondFooter)
    {
        var id = await _quotes.CreateLongAsync(language, 80);

        var pages = await PdfText.PagesAsync((await _pdfs.GetAsync(_quotes.Rita, id)).Content);

        Assert.InRange(pages.Count, 3, 10);
        Assert.All(pages.Where(page => page.Contains("LONG-", StringComparison.Ordinal)), page => Assert.Contains(productHeader, page, StringComparison.Ordinal));
        Assert.Contains("LONG-", pages[2], StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, secondFooter, pages.Count), pages[1], StringComparison.Ordinal);
        Assert.Contains(MoneyText.Format((await _quotes.Company.Quotes.GetAsync(_quotes.Rita, id)).Totals.Total, "¥", CultureInfo.GetCultureInfo(language)),
            pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameRevisionIsPrintedOnceAndAnEditedDraftIsPrintedAgain()
    {
        var id = await _quotes.CreateAsync("en");
        var first = await _pdfs.GetAsync(_quotes.Rita, id);

        var again = await _pdfs.GetAsync(_quotes.Rita, id);
        Assert.Same(first.Content, again.Content);
        Assert.Equal(1, _pdfs.Prints);

        var view = await _quotes.Company.Quotes.GetAsync(_quotes.Rita, id);
        var lines = view.Quote.Lines.OrderBy(l => l.Position).Select(l => new QuoteLineInput(l.ProductId, l.Quantity + 1m, l.UnitPrice, l.DiscountPercent, l.DiscountAmount)).ToList();
        await _quotes.Company.Quotes.UpdateDraftAsync(_quotes.Rita, id,
            new QuoteDraft(view.Quote.CustomerId, null, "en", lines, view.Quote.DiscountPercent, view.Quote.DiscountAmount, view.Quote.Notes, view.Quote.ValidUntil, view.Quote.Terms),
            view.Quote.Version);
        var edited = await _pdfs.GetAsync(_quotes.Rita, id);

        Assert.Equal(2, _pdfs.Prints);
        var total = (await _quotes.Company.Quotes.GetAsync(_quotes.Rita, id)).Totals.Total;
        Assert.Contains(MoneyText.Format(total, "¥", CultureInfo.GetCultureInfo("en")), Assert.Single(await PdfText.PagesAsync(edited.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCompanyDetailsPrintANewPdf()
    {
        var id = await _quotes.CreateAsync("en");
        await _pdfs.GetAsync(_quotes.Rita, id);
        var settings = _quotes.Company.Settings;
        var current = await settings.GetAsync();
        await settings.UpdateAsync(Actor.For(_quotes.Company.Admin), current.Details with { LegalNameEn = "Xinghe Pumps Ltd." }, current.Version);

        var pdf = await _pdfs.GetAsync(_quotes.Rita, id);

        Assert.Equal(2, _pdfs.Prints);
        Assert.Contains("Xinghe Pumps Ltd.", Assert.Single(await PdfText.PagesAsync(pdf.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrintedPdfIsNeverServedToSomeoneWhoMayNotSeeTheQuote()
    {
        var id = await _quotes.CreateAsync("zh-CN");
        await _pdfs.GetAsync(_quotes.Rita, id);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _pdfs.GetAsync(Actor.For(_quotes.Company.Sam), id));
        Assert.Equal(1, _pdfs.Prints);
    }

    [Fact]
    public async Task WithoutChromiumTheErrorSaysHowToInstallIt()
    {
        var id = await _quotes.CreateAsync("en");
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var printer = PdfPrinterFixture.Create("/nonexistent/chromium", services);
        using var pdfs = new QuotePdfs(_quotes.Documents, printer);

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => pdfs.GetAsync(_quotes.Rita, id));

        Assert.Equal(PdfUnavailableException.ChromiumMissing, error.Code);
        Assert.Equal(0, pdfs.Prints);
    }

    public void Dispose()
    {
        _pdfs.Dispose();
        _quotes.Dispose();
    }
}
