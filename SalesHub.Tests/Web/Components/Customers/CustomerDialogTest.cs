using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Customers;

/// <summary>
/// A customer dialog opened the way its page opens it, in English, by a rep who owns
/// <see cref="Customer"/>, on a real SQLite database, with the user's clock in Shanghai.
/// </summary>
public abstract class CustomerDialogTest : DialogTest
{
    protected CustomerDialogTest()
    {
        Company = new CompanyBuilder(Database);
        Rep = Company.AddUser(Roles.SalesRep, name: "Rita");
        Customer = Company.AddCustomer(Rep, "Acme Trading", contactName: "Li Lei", mobile: "138 0013 8000");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<CustomerContacts>();
        Services.AddSingleton<CustomerTimeline>();
        Services.AddSingleton<DuplicateDetection>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
        SignInAndOpenDialogs(Rep);
    }

    protected CompanyBuilder Company { get; }

    protected AppUser Rep { get; }

    protected Customer Customer { get; }

    protected Actor RepActor => Actor.For(Rep);
}
