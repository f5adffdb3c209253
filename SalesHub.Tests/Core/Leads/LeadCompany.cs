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
        Book = new LeadBook(People.Database);
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

    /// <summary>Lead sources as a Chinese-speaking user reads them, as the pages and the API name them for a conversion.</summary>
    public static Func<LeadSource, string> SourceNames { get; } = source => source switch
    {
        LeadSource.ColdCall => "电话陌拜",
        LeadSource.Event => "展会",
        _ => $"来源 {source}",
    };

    /// <summary>The first deal a conversion creates.</summary>
    public static LeadDeal Deal(string name = "First order", decimal amount = 10_000m) => new(name, amount, new DateOnly(2030, 1, 31));

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

    /// <summary>Shares a lead with <paramref name="user"/>, who then sees it without owning it.</summary>
    public async Task ShareAsync(int leadId, AppUser user)
    {
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        db.RecordShares.Add(new RecordShare { RecordType = nameof(Lead), RecordId = leadId, UserId = user.Id });
        await db.SaveChangesAsync();
    }

    public async Task<long> SettingsVersionAsync()
    {
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        return await db.LeadAssignmentSettings.Select(s => s.Version).SingleAsync();
    }

    public async Task SetRoutingAsync(LeadAssignmentMode mode, int? teamId, params LeadRuleInput[] rules)
    {
        var admin = Actor.For(People.Admin);
        var current = await Routing.GetAsync(admin);
        await Routing.UpdateAsync(admin, new LeadAssignmentSetup(mode, teamId, rules, current.Version));
    }

    public void Dispose() => People.Dispose();
}
