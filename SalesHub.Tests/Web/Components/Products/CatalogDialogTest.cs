using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Products;

/// <summary>
/// A product or price-list dialog opened the way its page opens it, in English, by sales manager
/// Martin (who owns one customer), on a real SQLite database.
/// </summary>
public abstract class CatalogDialogTest : DialogTest
{
    protected CatalogDialogTest()
    {
        var company = new CompanyBuilder(Database);
        Manager = company.AddUser(Roles.SalesManager, name: "Martin");
        company.AddCustomer(Manager, "上海华联贸易有限公司");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<SalesHub.Core.Catalog.PriceLists>();
        Services.AddSingleton<DuplicateDetection>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<AuditTrail>();
        SignInAndOpenDialogs(Manager);
    }

    protected AppUser Manager { get; }

    protected Actor ManagerActor => Actor.For(Manager);
}
