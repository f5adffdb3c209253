using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Pipeline;

/// <summary>
/// Admin Ada, manager Martin leading reps Rita and Ray, and Sam on Mia's team; customers of Rita's
/// and Sam's, the default stages seeded, and the pipeline's services on a real SQLite database.
/// </summary>
public sealed class PipelineCompany : IDisposable
{
    public PipelineCompany()
    {
        var company = new CompanyBuilder(Database);
        Admin = company.AddUser(Roles.Admin, name: "Ada");
        Martin = company.AddUser(Roles.SalesManager, name: "Martin");
        var east = company.AddTeam("East", Martin);
        Rita = company.AddUser(Roles.SalesRep, east, "Rita");
        Ray = company.AddUser(Roles.SalesRep, east, "Ray");
        Mia = company.AddUser(Roles.SalesManager, name: "Mia");
        Sam = company.AddUser(Roles.SalesRep, company.AddTeam("South", Mia), "Sam");
        RitasCustomer = company.AddCustomer(Rita, "上海华联有限公司");
        SamsCustomer = company.AddCustomer(Sam, "Sam's Trading");
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            PipelineStages.SeedDefaultsAsync(db).GetAwaiter().GetResult();
        }

        Stages = new PipelineStages(Database);
        Deals = new OpportunityBook(Database, Database.Clock);
        Timeline = new CustomerTimeline(Database);
        StageIds = Stages.ListAsync(Actor.System).GetAwaiter().GetResult().ToDictionary(s => s.NameEn, s => s.Id);
    }

    public TestDatabase Database { get; } = new();

    public AppUser Admin { get; }

    public AppUser Martin { get; }

    public AppUser Rita { get; }

    public AppUser Ray { get; }

    public AppUser Mia { get; }

    public AppUser Sam { get; }

    public Customer RitasCustomer { get; }

    public Customer SamsCustomer { get; }

    public PipelineStages Stages { get; }

    public OpportunityBook Deals { get; }

    public CustomerTimeline Timeline { get; }

    /// <summary>The default stages' ids by English name ("Initial contact" … "Lost").</summary>
    public IReadOnlyDictionary<string, int> StageIds { get; }

    public DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    public OpportunityDraft Draft(string name = "Pumps for plant 2", decimal amount = 10_000m, string stage = "Initial contact", int? customerId = null) =>
        new(customerId ?? RitasCustomer.Id, name, amount, Today.AddDays(30), StageIds[stage]);

    public Task<int> AddDealAsync(AppUser owner, string name = "Pumps for plant 2", decimal amount = 10_000m, string stage = "Initial contact", int? customerId = null) =>
        Deals.CreateAsync(Actor.For(owner), Draft(name, amount, stage, customerId ?? (owner == Sam ? SamsCustomer.Id : RitasCustomer.Id)));

    public void Dispose() => Database.Dispose();
}
