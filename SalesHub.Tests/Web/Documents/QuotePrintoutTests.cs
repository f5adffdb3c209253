using System.Globalization;
using Bunit;
using SalesHub.Core.Company;
using SalesHub.Core.Quoting;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Documents;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Documents;

/// <summary>The printout renders in the quote's language, whatever the reader's (English here).</summary>
public sealed class QuotePrintoutTests : ComponentTest
{
    [Fact]
    public void AChineseQuotePrintsInChineseForAnEnglishReader()
    {
        var document = Document("zh-CN");

        var printout = Render<QuotePrintout>(p => p.Add(x => x.Document, document));

        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal("报价单", Text(printout, "printout-title"));
        Assert.Equal("华夏泵业有限公司", Text(printout, "printout-company"));
        Assert.Equal("2026年11月2日", Text(printout, "printout-issued"));
        Assert.Equal("v2", Text(printout, "printout-revision"));
        Assert.Contains("产品名称", printout.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("联系人：王经理", Text(printout, "printout-customer"), StringComparison.Ordinal);
        Assert.Equal(MoneyText.Format(document.Totals.Total, "¥", zh), Text(printout, "printout-total"));
        Assert.Equal(MoneyText.Format(-document.Totals.QuoteDiscount, "¥", zh), Text(printout, "printout-quote-discount"));
        Assert.Equal(
            document.Totals.Taxes.Select(t => MoneyText.Format(t.Tax, "¥", zh)),
            printout.FindAll("[data-testid=printout-tax]").Select(t => t.TextContent));
        Assert.Contains("税额（6%，计税金额", printout.Find("[data-testid=printout-totals]").TextContent, StringComparison.Ordinal);
        Assert.Empty(printout.FindAll("[data-testid=printout-draft]"));
    }

    [Fact]
    public void AnEnglishDraftPrintsInEnglishWithItsLogoAndDraftMark()
    {
        var document = Document("en") with { Status = QuoteStatus.Draft };
        document = document with { Company = document.Company with { Logo = new CompanyLogo([0x89, 0x50, 0x4E, 0x47], "image/png") } };

        var printout = Render<QuotePrintout>(p => p.Add(x => x.Document, document));

        Assert.Equal("Quotation", Text(printout, "printout-title"));
        Assert.Equal("Draft, not yet sent", Text(printout, "printout-draft"));
        Assert.Equal("November 2, 2026", Text(printout, "printout-issued"));
        Assert.Equal("December 2, 2026", Text(printout, "printout-valid-until"));
        Assert.Equal("data:image/png;base64,iVBORw==", printout.Find("img.qp-logo").GetAttribute("src"));
        Assert.Equal(2, printout.FindAll("[data-testid=printout-line]").Count);
        Assert.Contains("Tax at 13% on ¥", printout.Find("[data-testid=printout-totals]").TextContent, StringComparison.Ordinal);
        Assert.Equal(MoneyText.Format(document.Totals.Total, "¥", CultureInfo.GetCultureInfo("en")), Text(printout, "printout-total"));
        Assert.Contains("Payment within 30 days", Text(printout, "printout-terms"), StringComparison.Ordinal);
    }

    private static string Text(IRenderedComponent<QuotePrintout> printout, string testId) =>
        printout.Find($"[data-testid={testId}]").TextContent.Trim();

    private static QuoteDocument Document(string language)
    {
        var pricing = new PricingInput([new PricingLine(3m, 1280m, 13m) { DiscountPercent = 8m }, new PricingLine(2.5m, 450m, 6m)]) { DiscountPercent = 5m };
        var totals = QuotePricing.Calculate(pricing);
        var details = new CompanyDetails(
            "华夏泵业有限公司", "Huaxia Pumps Ltd.", null, null, "021-5555 0100", "sales@huaxia.cn", null, "91310000MA1K", null, null,
            "CNY", "¥", TaxRounding.PerLine, false, 30, null, null, 10m, 30m, 100m);
        var english = language == "en";
        return new QuoteDocument(
            7, 3, "Q2026-00007", 2, language, QuoteStatus.Sent, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2),
            new QuoteLetterhead(english ? details.LegalNameEn : details.LegalNameZh, null, details, null, 1),
            new QuoteCustomerBlock("北京星河贸易有限公司", "北京市建国路1号", "王经理", "13800138000", null),
            new QuoteRepBlock("Rita", null, "rita@saleshub.local"),
            [
                new QuoteDocumentLine(1, "PUMP-100", english ? "Centrifugal pump" : "离心泵", "台", 3m, 1280m, 8m, 0m, totals.Lines[0].Amount, 13m),
                new QuoteDocumentLine(2, "SVC", english ? "Installation" : "安装服务", "次", 2.5m, 450m, 0m, 0m, totals.Lines[1].Amount, 6m),
            ],
            totals, false, null, english ? "Payment within 30 days" : "30 天内付款");
    }
}
