using Microsoft.Extensions.Options;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Orders;

/// <summary>What the order pages' tests share: Martin manages Rita, who owns a customer; the quote and order books, the catalog and the stock ledger on the test's database.</summary>
internal sealed class OrderTestCompany
{
    public OrderTestCompany(TestDatabase database, string customerName)
    {
        Builder = new CompanyBuilder(database);
        Martin = Builder.AddUser(Roles.SalesManager, name: "Martin");
        Rita = Builder.AddUser(Roles.SalesRep, Builder.AddTeam("East", Martin), "Rita");
        Customer = Builder.AddCustomer(Rita, customerName);
        Settings = new CompanySettings(database, Options.Create(new AttachmentOptions { StorageDirectory = database.AttachmentFolder }), database.ChangeFeed);
        Quotes = new QuoteBook(database, Settings, database.Clock);
        Orders = new OrderBook(database, Settings, database.Clock);
        Catalog = new ProductCatalog(database, new RecycleBin(database));
        Ledger = new StockLedger(database);
    }

    public CompanyBuilder Builder { get; }

    public AppUser Martin { get; }

    public AppUser Rita { get; }

    public Customer Customer { get; }

    public CompanySettings Settings { get; }

    public QuoteBook Quotes { get; }

    public OrderBook Orders { get; }

    public ProductCatalog Catalog { get; }

    public StockLedger Ledger { get; }

    /// <summary>A stocked product with 100 in the main warehouse, so that orders of it are confirmed and shipped.</summary>
    public async Task<int> ProductAsync(string sku, decimal price = 100m)
    {
        var id = await Catalog.CreateAsync(Actor.For(Martin), new ProductDetails(sku, "Product " + sku, null, "Pumps", "台", price, 1m, 13m));
        await Ledger.ReceiveAsync(Actor.For(Martin), new StockReceipt(id, Warehouse.MainId, 100m));
        return id;
    }
}
