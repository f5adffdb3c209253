using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Catalog;

/// <summary>
/// An administrator, a sales manager leading rep Rita, and Sam on another team, on a real SQLite
/// database with the catalog services working on it.
/// </summary>
public sealed class CatalogCompany : IDisposable
{
    public CatalogCompany()
    {
        var company = new CompanyBuilder(Database);
        Admin = company.AddUser(Roles.Admin, name: "Ada");
        Martin = company.AddUser(Roles.SalesManager, name: "Martin");
        var east = company.AddTeam("East", Martin);
        var south = company.AddTeam("South");
        Rita = company.AddUser(Roles.SalesRep, east, "Rita");
        Sam = company.AddUser(Roles.SalesRep, south, "Sam");
        RitasCustomer = company.AddCustomer(Rita, "上海华联有限公司");
        Products = new ProductCatalog(Database, new RecycleBin(Database));
        PriceLists = new PriceLists(Database);
    }

    public TestDatabase Database { get; } = new();

    public AppUser Admin { get; }

    public AppUser Martin { get; }

    public AppUser Rita { get; }

    public AppUser Sam { get; }

    public Customer RitasCustomer { get; }

    public ProductCatalog Products { get; }

    public PriceLists PriceLists { get; }

    public static ProductDetails Details(string sku = "pump-100", decimal listPrice = 1000m, decimal cost = 600m, string? category = "Pumps", bool active = true, decimal taxRate = 13m) =>
        new(sku, "Water pump " + sku, "水泵 " + sku, category, "台", listPrice, cost, taxRate, active);

    public Task<int> AddProductAsync(string sku = "pump-100", decimal listPrice = 1000m, decimal cost = 600m, string? category = "Pumps", bool active = true) =>
        Products.CreateAsync(Actor.For(Martin), Details(sku, listPrice, cost, category, active));

    public void Dispose() => Database.Dispose();
}
