using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Documents;

/// <summary>
/// The quote company with quotes worth printing: rep Rita's customer 北京星河贸易有限公司 with a
/// contact, products at 13 % and 6 % tax, and the documents service over them.
/// </summary>
public sealed class PrintableQuotes : IDisposable
{
    public const string CustomerName = "北京星河贸易有限公司";

    private readonly ProductCatalog _products;

    public PrintableQuotes()
    {
        _products = new ProductCatalog(Company.Database, new RecycleBin(Company.Database));
        Documents = new QuoteDocuments(Company.Database, Company.Quotes, Company.Settings);
        Customer = new CompanyBuilder(Company.Database).AddCustomer(Company.Rita, CustomerName, "王经理", "13800138000", "wang@xinghe.cn");
    }

    public QuoteCompany Company { get; } = new();

    public QuoteDocuments Documents { get; }

    public Customer Customer { get; }

    public Actor Rita => Actor.For(Company.Rita);

    /// <summary>Three lines at two tax rates, one with a line discount, and 5 % off the whole quote.</summary>
    public async Task<int> CreateAsync(string language)
    {
        var pump = await ProductAsync("PUMP-100", "Centrifugal pump", "离心泵", 1280m, 13m);
        var seal = await ProductAsync("SEAL-20", "Mechanical seal kit", "机械密封套件", 86.5m, 13m);
        var service = await ProductAsync("SVC-INSTALL", "Installation service", "安装服务", 450m, 6m);
        return await Company.Quotes.CreateDraftAsync(Rita, new QuoteDraft(
            Customer.Id, null, language,
            [new QuoteLineInput(pump, 3m, DiscountPercent: 8m), new QuoteLineInput(seal, 12m), new QuoteLineInput(service, 2.5m)],
            DiscountPercent: 5m, Notes: "含运费", Terms: "货到付款"));
    }

    /// <summary><paramref name="lines"/> lines of products whose names take two or three lines of the table each.</summary>
    public async Task<int> CreateLongAsync(string language, int lines)
    {
        var products = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            products.Add(await ProductAsync(
                $"LONG-{i}",
                $"Stainless steel multistage centrifugal pump, model {i}, with a frequency converter, pressure tank and a control cabinet",
                $"不锈钢多级离心泵（型号 {i}），配变频器、压力罐和控制柜，含安装调试及一年质保服务",
                1000m + i,
                i % 2 == 0 ? 6m : 13m));
        }

        var inputs = Enumerable.Range(0, lines).Select(i => new QuoteLineInput(products[i % products.Count], i + 1m)).ToList();
        return await Company.Quotes.CreateDraftAsync(Rita, new QuoteDraft(Customer.Id, null, language, inputs));
    }

    public void Dispose() => Company.Dispose();

    private Task<int> ProductAsync(string sku, string nameEn, string nameZh, decimal price, decimal taxRate) =>
        _products.CreateAsync(Actor.For(Company.Martin), new ProductDetails(sku, nameEn, nameZh, "Pumps", "台", price, 1m, taxRate, true));
}
