using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Leads;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Customers;

namespace SalesHub.Tests.Core.Leads;

/// <summary>The customer company (East: Martin, Rita, Ron; South: Mia, Sam; admin Ada) with the lead services on it.</summary>
public sealed class LeadCompany : IDisposable
{
    public LeadCompany()
    {
        Book = new LeadBook(People.Database, new RecycleBin(People.Database));
        Routing = new LeadRouting(People.Database);
        Conversion = new LeadConversion(People.Database);
    }

    public CustomerCompany People { get; } = new();

    public LeadBook Book { get; }

    public LeadRouting Routing { get; }

    public LeadConversion Conversion { get; }

    public static LeadDetails Details(
        string name, string? company = null, string? phone = null, string? email = null, string? province = null, string? industry = null, LeadSource source = LeadSource.Website) =>
        new(name, company, null, phone, email, null, province, null, industry, source, null);

    /// <summary>A lead created by <paramref name="creator"/>: theirs, or the pool's with <paramref name="pooled"/>.</summary>
    public async Task<int> AddLeadAsync(AppUser creator, string name, string? company = null, bool pooled = false, string? phone = null)
    {
        var id = await Book.CreateAsync(Actor.For(creator), new NewLead(Details(name, company, phone), pooled ? null : creator.Id, IgnoreDuplicates: true));
        return id;
    }

    public async Task<Lead> StoredAsync(int id)
    {
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        return await db.Leads.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == id);
    }

    public async Task SetRoutingAsync(LeadAssignmentMode mode, int? teamId, params LeadRuleInput[] rules)
    {
        var admin = Actor.For(People.Admin);
        var current = await Routing.GetAsync(admin);
        await Routing.UpdateAsync(admin, new LeadAssignmentSetup(mode, teamId, rules, current.Version));
    }

    public void Dispose() => People.Dispose();
}
