using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Pipeline;

/// <summary>Manager Martin leading reps Rita and Ray, a customer of Rita's and the default stages, in a component test's database.</summary>
internal sealed class PipelineTestCompany
{
    public PipelineTestCompany(TestDatabase database)
    {
        var company = new CompanyBuilder(database);
        Martin = company.AddUser(Roles.SalesManager, name: "Martin");
        var east = company.AddTeam("East", Martin);
        Rita = company.AddUser(Roles.SalesRep, east, "Rita");
        Ray = company.AddUser(Roles.SalesRep, east, "Ray");
        Customer = company.AddCustomer(Rita, "上海华联有限公司");
        using (var db = database.CreateWidgetContext(Actor.System))
        {
            PipelineStages.SeedDefaultsAsync(db).GetAwaiter().GetResult();
        }

        Stages = new PipelineStages(database);
        Deals = new OpportunityBook(database, database.Clock);
        StageIds = Stages.ListAsync(Actor.System).GetAwaiter().GetResult().ToDictionary(s => s.NameEn, s => s.Id);
        Today = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);
    }

    public AppUser Martin { get; }

    public AppUser Rita { get; }

    public AppUser Ray { get; }

    public Customer Customer { get; }

    public PipelineStages Stages { get; }

    public OpportunityBook Deals { get; }

    /// <summary>The default stages' ids by English name.</summary>
    public IReadOnlyDictionary<string, int> StageIds { get; }

    private DateOnly Today { get; }

    /// <summary>A deal of Rita's named "Pumps for plant 2" in <paramref name="stage"/>.</summary>
    public Task<int> AddDealAsync(string stage) =>
        Deals.CreateAsync(Actor.For(Rita), new OpportunityDraft(Customer.Id, "Pumps for plant 2", 10_000m, Today.AddDays(30), StageIds[stage]));
}
