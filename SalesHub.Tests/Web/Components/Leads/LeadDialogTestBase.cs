using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Leads;

/// <summary>
/// The lead dialogs opened the way the lead list opens them, in English, by rep Rita who owns the
/// customer <see cref="Customer"/> (Acme Trading, 138 0013 8000), on a real SQLite database with the default stages.
/// </summary>
public abstract class LeadDialogTestBase : DialogTest
{
    protected LeadDialogTestBase()
    {
        Company = new CompanyBuilder(Database);
        Rep = Company.AddUser(Roles.SalesRep, name: "Rita");
        Customer = Company.AddCustomer(Rep, "Acme Trading", contactName: "Li Lei", mobile: "138 0013 8000");
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            PipelineStages.SeedDefaultsAsync(db).GetAwaiter().GetResult();
        }

        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<DuplicateDetection>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<LeadBook>();
        Services.AddSingleton<LeadConversion>();
        Services.AddSingleton<OpportunityBook>();
        SignInAndOpenDialogs(Rep);
    }

    protected CompanyBuilder Company { get; }

    protected AppUser Rep { get; }

    protected Customer Customer { get; }

    protected Actor RepActor => Actor.For(Rep);
}
