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

public sealed class LeadListTests : ComponentTest
{
    private readonly AppUser _rita;
    private readonly AppUser _ray;

    public LeadListTests()
    {
        var company = new CompanyBuilder(Database);
        _rita = company.AddUser(Roles.SalesRep, name: "Rita");
        _ray = company.AddUser(Roles.SalesRep, name: "Ray");

        // The page's own feed: it has not heard of the other rep's claim when its user clicks.
        Services.AddSingleton<IChangeFeed>(new InProcessChangeFeed());
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<LeadBook>();
        Services.AddSingleton<CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
        SignIn(_rita);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    [Fact]
    public async Task ALostClaimSaysSomebodyWasFirstAndTheListNoLongerOffersTheLead()
    {
        var book = Services.GetRequiredService<LeadBook>();
        var id = await book.CreateAsync(Actor.For(_ray), new NewLead(new LeadDetails("Wang Fang", "Globex", null, null, null, null, null, null, null, LeadSource.Event, null), null, true));
        var cut = Render<LeadList>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        cut.Find("[data-testid=lead-view-pool]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Wang Fang"], cut.FindAll("[data-testid=lead-row-name]").Select(e => e.TextContent)));

        await book.ClaimAsync(Actor.For(_ray), id);
        await cut.InvokeAsync(() => cut.Find("[data-testid=lead-claim]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Somebody has already claimed this lead.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=lead-row-name]")));
        Assert.Equal(_ray.Id, (await book.GetAsync(Actor.For(_ray), id)).OwnerId);
    }
}
