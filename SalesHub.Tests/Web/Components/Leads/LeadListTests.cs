using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Pages.Leads;

namespace SalesHub.Tests.Web.Components.Leads;

/// <summary>The lead list with East (manager Martin, reps Rita and Ray) and South (manager Mia, rep Sam).</summary>
public sealed class LeadListTests : ComponentTest
{
    private readonly AppUser _rita;
    private readonly AppUser _ray;
    private readonly AppUser _mia;
    private readonly AppUser _sam;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public LeadListTests()
    {
        var company = new CompanyBuilder(Database);
        var east = company.AddTeam("East", company.AddUser(Roles.SalesManager, name: "Martin"));
        _rita = company.AddUser(Roles.SalesRep, east, "Rita");
        _ray = company.AddUser(Roles.SalesRep, east, "Ray");
        _mia = company.AddUser(Roles.SalesManager, name: "Mia");
        _sam = company.AddUser(Roles.SalesRep, company.AddTeam("South", _mia), "Sam");

        // The page's own feed: it has not heard of the other rep's claim when its user clicks.
        Services.AddSingleton<IChangeFeed>(new InProcessChangeFeed());
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<LeadBook>();
        Services.AddSingleton<CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
    }

    /// <summary>The tests' own book on the page's database: the page's services are built once its user signs in.</summary>
    private LeadBook Book => new(Database);

    [Fact]
    public async Task ALostClaimSaysSomebodyWasFirstAndTheListNoLongerOffersTheLead()
    {
        var id = await AddLeadAsync(_ray, "Wang Fang", pooled: true);
        var cut = Open(_rita, "lead-view-pool");
        cut.WaitForAssertion(() => Assert.Equal(["Wang Fang"], cut.FindAll("[data-testid=lead-row-name]").Select(e => e.TextContent)));

        await Book.ClaimAsync(Actor.For(_ray), id);
        await cut.InvokeAsync(() => cut.Find("[data-testid=lead-claim]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Somebody has already claimed this lead.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=lead-row-name]")));
        Assert.Equal(_ray.Id, (await Book.GetAsync(Actor.For(_ray), id)).OwnerId);
    }

    [Fact]
    public async Task ARepInThePoolMayOnlyClaimOpenLeadsAndChangesNone()
    {
        await AddLeadAsync(_ray, "Open one", pooled: true);
        var closed = await AddLeadAsync(_ray, "Disqualified one", pooled: true);
        await Book.ChangeStatusAsync(Actor.System, closed, LeadStatus.Disqualified, "No budget", 1);

        var cut = Open(_rita, "lead-view-pool");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=lead-row-name]").Count));
        Assert.Equal(["lead-claim"], Actions(Row(cut, "Open one")));
        Assert.Empty(Actions(Row(cut, "Disqualified one")));
    }

    [Fact]
    public async Task ARepsOwnQualifiedLeadOffersWhatTheyMayDoButNotAssigning()
    {
        var id = await AddLeadAsync(_rita, "Mine");
        await Book.ChangeStatusAsync(Actor.For(_rita), id, LeadStatus.Qualified, null, 1);

        var cut = Open(_rita, "lead-view-mine");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=lead-row-name]")));
        Assert.Equal(["lead-actions"], Actions(Row(cut, "Mine")));
        Assert.Equal(["lead-edit", "lead-change-status", "lead-convert", "lead-release"], MenuItems(cut, "Mine"));
    }

    [Fact]
    public async Task AManagerSeesNoActionsOnALeadSharedFromAnotherTeamAndAllOnTheirTeams()
    {
        var shared = await AddLeadAsync(_ray, "Shared with Mia");
        await using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Lead), RecordId = shared, UserId = _mia.Id });
            await db.SaveChangesAsync();
        }

        var sams = await AddLeadAsync(_sam, "Sam's");
        await Book.ChangeStatusAsync(Actor.For(_sam), sams, LeadStatus.Qualified, null, 1);

        var cut = Open(_mia, "lead-view-team");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=lead-row-name]").Count));
        Assert.Empty(Actions(Row(cut, "Shared with Mia")));
        Assert.Equal(["lead-edit", "lead-change-status", "lead-convert", "lead-assign", "lead-release"], MenuItems(cut, "Sam's"));
    }

    [Fact]
    public async Task TheSharedTabShowsTheLeadsSharedWithTheRep()
    {
        var shared = await AddLeadAsync(_sam, "Li Lei");
        await AddLeadAsync(_sam, "Han Meimei");
        await AddLeadAsync(_rita, "Rita's own");
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Lead), RecordId = shared, UserId = _rita.Id });
            await db.SaveChangesAsync();
        }

        var cut = Open(_rita, "lead-view-shared");

        cut.WaitForAssertion(() => Assert.Equal(["Li Lei"], cut.FindAll("[data-testid=lead-row-name]").Select(e => e.TextContent)));
        Assert.Equal("Shared with me", cut.Find("[data-testid=lead-view-shared]").TextContent.Trim());
    }

    private static IElement Row(IRenderedComponent<LeadList> cut, string name) =>
        cut.FindAll("tr").Single(tr => tr.QuerySelector("[data-testid=lead-row-name]")?.TextContent == name);

    /// <summary>The row's claim button and action menu, as far as it shows them.</summary>
    private static List<string?> Actions(IElement row) =>
        row.QuerySelectorAll("[data-testid=lead-claim], [data-testid=lead-actions]").Select(e => e.GetAttribute("data-testid")).ToList();

    private List<string?> MenuItems(IRenderedComponent<LeadList> cut, string name)
    {
        Row(cut, name).QuerySelector("[data-testid=lead-actions] button")!.Click();
        _popovers.WaitForElement("[data-testid=lead-edit]");
        return _popovers.FindAll("[data-testid^=lead-]").Select(e => e.GetAttribute("data-testid")).ToList();
    }

    private IRenderedComponent<LeadList> Open(AppUser user, string view)
    {
        SignIn(user);
        _popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<LeadList>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        cut.Find($"[data-testid={view}]").Click();
        return cut;
    }

    private Task<int> AddLeadAsync(AppUser creator, string name, bool pooled = false) =>
        Book.CreateAsync(Actor.For(creator), new NewLead(new LeadDetails(name, null, null, null, null, null, null, null, null, LeadSource.Event, null), pooled ? null : creator.Id, true));
}
