using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Documents;
using SalesHub.Web.Components.Pages.Quotes.Components;
using SalesHub.Web.Documents;

namespace SalesHub.Tests.Web.Components.Quotes;

public sealed class QuotePdfButtonTests : ComponentTest, IClassFixture<PdfPrinterFixture>
{
    private readonly PrintableQuotes _quotes = new();
    private readonly PdfPrinterFixture _fixture;
    private ServiceProvider? _noChromium;

    public QuotePdfButtonTests(PdfPrinterFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task DownloadHandsThePdfToTheBrowserUnderTheQuotesFileName()
    {
        var id = await _quotes.CreateAsync("zh-CN");
        Services.AddSingleton(new QuotePdfs(_quotes.Documents, _fixture.Printer));
        SignIn(_quotes.Company.Rita);
        var button = Render<QuotePdfButton>(p => p.Add(x => x.QuoteId, id));

        await button.Find("[data-testid=quote-pdf-download]").ClickAsync(new());

        button.WaitForAssertion(() => Assert.Equal("Q2026-00001-v1.pdf", JSInterop.VerifyInvoke("saleshub.downloadFile").Arguments[0]), TimeSpan.FromSeconds(30));
        Assert.Equal($"/quotes/{id}/print", button.Find("[data-testid=quote-print]").GetAttribute("href"));
    }

    [Fact]
    public async Task WithoutChromiumASnackbarSaysHowToInstallIt()
    {
        var id = await _quotes.CreateAsync("en");
        _noChromium = new ServiceCollection().BuildServiceProvider();
        var printer = PdfPrinterFixture.Create("/nonexistent/chromium", _noChromium);
        Services.AddSingleton(new QuotePdfs(_quotes.Documents, printer));
        SignIn(_quotes.Company.Rita);
        var button = Render<QuotePdfButton>(p => p.Add(x => x.QuoteId, id));

        await button.Find("[data-testid=quote-pdf-download]").ClickAsync(new());

        button.WaitForAssertion(() => Assert.Contains(
            Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message),
            m => m?.Contains("apt-get install chromium fonts-wqy-microhei fonts-noto-cjk", StringComparison.Ordinal) == true));
        JSInterop.VerifyNotInvoke("saleshub.downloadFile");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _noChromium?.Dispose();
        _quotes.Dispose();
    }
}
