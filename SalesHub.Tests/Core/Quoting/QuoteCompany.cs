using Microsoft.Extensions.Options;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Catalog;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Quoting;

/// <summary>
/// The catalog's company (admin Ada, manager Martin leading rep Rita, Sam on another team) with a
/// customer of Sam's, a customer of Rita's with a contact, the company settings at their defaults
/// (reps may give 10 % off, managers 30 %) and the quote book.
/// </summary>
public sealed class QuoteCompany : IDisposable
{
    private readonly CatalogCompany _catalog = new();

    public QuoteCompany()
    {
        var company = new CompanyBuilder(Database);
        SamsCustomer = company.AddCustomer(Sam, "Sam's Trading");
        CustomerWithContact = company.AddCustomer(Rita, "北京联合贸易", contactName: "王经理");
        Settings = new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed);
        Quotes = new QuoteBook(Database, Settings, Database.Clock);
    }

    public TestDatabase Database => _catalog.Database;

    public AppUser Admin => _catalog.Admin;

    public AppUser Martin => _catalog.Martin;

    public AppUser Rita => _catalog.Rita;

    public AppUser Sam => _catalog.Sam;

    public Customer RitasCustomer => _catalog.RitasCustomer;

    public Customer SamsCustomer { get; }

    public Customer CustomerWithContact { get; }

    public PriceLists PriceLists => _catalog.PriceLists;

    public CompanySettings Settings { get; }

    public QuoteBook Quotes { get; }

    public DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    public Task<int> AddProductAsync(string sku = "pump-100", decimal listPrice = 1000m, bool active = true, decimal taxRate = 13m, bool tracksStock = true) =>
        _catalog.Products.CreateAsync(Actor.For(Martin), CatalogCompany.Details(sku, listPrice, 600m, "Pumps", active, taxRate) with { TracksStock = tracksStock });

    public QuoteDraft Draft(params QuoteLineInput[] lines) => new(RitasCustomer.Id, null, "zh-CN", lines);

    public void Dispose()
    {
        Settings.Dispose();
        _catalog.Dispose();
    }
}
