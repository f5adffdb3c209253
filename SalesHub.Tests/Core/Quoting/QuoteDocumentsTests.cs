using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Quoting;

public sealed class QuoteDocumentsTests : IDisposable
{
    private readonly QuoteCompany _company = new();
    private readonly QuoteDocuments _documents;
    private readonly ProductCatalog _products;

    public QuoteDocumentsTests()
    {
        _documents = new QuoteDocuments(_company.Database, _company.Quotes, _company.Settings);
        _products = new ProductCatalog(_company.Database, new RecycleBin(_company.Database));
    }

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task AnEnglishQuotePrintsEverythingInEnglishWithTheEnginesTotals()
    {
        await DescribeCompanyAsync();
        var (customerId, contactId) = await AddCustomerAsync();
        await GiveRitaAPhoneAsync("021-5555 0101");
        var pump = await AddProductAsync("PUMP", "Gear pump", "齿轮泵", 1000m, 13m);
        var valve = await AddProductAsync("VALVE", "Check valve, stainless", null, 99.99m, 6m);
        var id = await _company.Quotes.CreateDraftAsync(Rita, new QuoteDraft(
            customerId, contactId, "en", [new QuoteLineInput(pump, 3m, DiscountPercent: 5m), new QuoteLineInput(valve, 2.5m, DiscountAmount: 10m)],
            DiscountPercent: 2m, Notes: "Delivery in 2 weeks", Terms: "Payment 30 days net"));

        var document = await _documents.GetAsync(Rita, id);

        Assert.Equal(("Q2026-00001", 1, "en", "Q2026-00001-v1.pdf", true), (document.Number, document.Revision, document.Language, document.FileName, document.IsDraft));
        Assert.Equal((_company.Today, _company.Today.AddDays(30)), (document.IssueDate, document.ValidUntil));
        Assert.Equal(("Huaxia Pumps Ltd.", "88 Century Avenue, Shanghai", "CNY", "¥"),
            (document.Company.Name, document.Company.Address, document.Company.Details.CurrencyCode, document.Company.Details.CurrencySymbol));
        Assert.Null(document.Company.Logo);
        Assert.Equal(new QuoteCustomerBlock("北京星河贸易有限公司", "建国路1号, 北京市", "王经理", "13800138000", "wang@xinghe.cn"), document.Customer);
        Assert.Equal(new QuoteRepBlock("Rita", "021-5555 0101", _company.Rita.Email), document.Rep);
        Assert.Equal(["Gear pump", "Check valve, stainless"], document.Lines.Select(l => l.Name));
        var expected = QuotePricing.Calculate(new PricingInput(
            [new PricingLine(3m, 1000m, 13m) { DiscountPercent = 5m }, new PricingLine(2.5m, 99.99m, 6m) { DiscountAmount = 10m }]) { DiscountPercent = 2m });
        Assert.Equal(expected.Lines.Select(l => l.Amount), document.Lines.Select(l => l.Amount));
        Assert.Equal((expected.Subtotal, expected.LineDiscounts, expected.QuoteDiscount, expected.Untaxed, expected.Tax, expected.Total),
            (document.Totals.Subtotal, document.Totals.LineDiscounts, document.Totals.QuoteDiscount, document.Totals.Untaxed, document.Totals.Tax, document.Totals.Total));
        Assert.Equal(expected.Taxes, document.Totals.Taxes);
        Assert.Equal(new QuoteDocumentLine(1, "PUMP", "Gear pump", "台", 3m, 1000m, 5m, 0m, 2850m, 13m), document.Lines[0]);
        Assert.Equal(("Delivery in 2 weeks", "Payment 30 days net"), (document.Notes, document.Terms));
    }

    [Fact]
    public async Task AChineseQuoteUsesTheChineseNamesAndFallsBackToTheEnglishOnes()
    {
        await DescribeCompanyAsync();
        var (customerId, _) = await AddCustomerAsync();
        var pump = await AddProductAsync("PUMP", "Gear pump", "齿轮泵", 1000m, 13m);
        var valve = await AddProductAsync("VALVE", "Check valve", null, 99.99m, 6m);
        var id = await _company.Quotes.CreateDraftAsync(Rita, new QuoteDraft(customerId, null, "zh-CN", [new QuoteLineInput(pump, 1m), new QuoteLineInput(valve, 1m)]));

        var document = await _documents.GetAsync(Rita, id);

        Assert.Equal(("华夏泵业有限公司", "上海市世纪大道88号"), (document.Company.Name, document.Company.Address));
        Assert.Equal(["齿轮泵", "Check valve"], document.Lines.Select(l => l.Name));
        Assert.Equal("北京市建国路1号", document.Customer.Address);
        Assert.Equal((null, null, null), (document.Customer.ContactName, document.Customer.ContactPhone, document.Customer.ContactEmail));
    }

    [Fact]
    public async Task ASentQuoteIsDatedTheDayItWasSent()
    {
        var pump = await _company.AddProductAsync();
        var id = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        _company.Database.Clock.Advance(TimeSpan.FromDays(3));
        await _company.Quotes.SendAsync(Rita, id, (await _company.Quotes.GetAsync(Rita, id)).Quote.Version);

        var document = await _documents.GetAsync(Rita, id);

        Assert.Equal((QuoteStatus.Sent, false, _company.Today), (document.Status, document.IsDraft, document.IssueDate));
    }

    [Fact]
    public async Task AnotherRepsQuoteIsNotFoundWhileTheirManagerPrintsIt()
    {
        var pump = await _company.AddProductAsync();
        var id = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _documents.GetAsync(Actor.For(_company.Sam), id));
        Assert.Equal("上海华联有限公司", (await _documents.GetAsync(Actor.For(_company.Martin), id)).Customer.Name);
    }

    public void Dispose() => _company.Dispose();

    private async Task DescribeCompanyAsync()
    {
        var current = await _company.Settings.GetAsync();
        await _company.Settings.UpdateAsync(Actor.For(_company.Admin), current.Details with
        {
            LegalNameZh = "华夏泵业有限公司",
            LegalNameEn = "Huaxia Pumps Ltd.",
            AddressZh = "上海市世纪大道88号",
            AddressEn = "88 Century Avenue, Shanghai",
        }, current.Version);
    }

    private async Task<(int CustomerId, int ContactId)> AddCustomerAsync()
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.For(_company.Rita));
        var customer = new Customer();
        customer.Describe(new CustomerDetails("北京星河贸易有限公司", CustomerKind.Company, null, null, "北京市", "建国路1号", null, null, CustomerStatus.Active, null));
        customer.AssignTo(_company.Rita.Id);
        var contact = new Contact();
        contact.Describe(new ContactDetails("王经理", null, "13800138000", null, "wang@xinghe.cn", null, true));
        customer.Contacts.Add(contact);
        customer.RefreshSearchText();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return (customer.Id, contact.Id);
    }

    private async Task GiveRitaAPhoneAsync(string phone)
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        (await db.Users.FindAsync(_company.Rita.Id))!.PhoneNumber = phone;
        await db.SaveChangesAsync();
    }

    private Task<int> AddProductAsync(string sku, string nameEn, string? nameZh, decimal price, decimal taxRate) =>
        _products.CreateAsync(Actor.For(_company.Martin), new ProductDetails(sku, nameEn, nameZh, "Pumps", "台", price, 600m, taxRate, true));
}
