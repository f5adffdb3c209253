using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Leads;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class LeadListTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private LeadBook Book => browser.App.Services.GetRequiredService<LeadBook>();

    [Fact]
    public Task ARepClaimsAPooledLeadAndItLeavesAnotherRepsOpenPoolViewLive() => browser.RunAsync(nameof(ARepClaimsAPooledLeadAndItLeavesAnotherRepsOpenPoolViewLive), async session =>
    {
        var name = "Pool " + Guid.NewGuid().ToString("N")[..6];
        var admin = await browser.App.ActorForAsync(DemoCompany.AdminEmail);
        await Book.CreateAsync(admin, new NewLead(Details(name), IgnoreDuplicates: true));
        var rep2 = await OpenPoolAsync(session, DemoCompany.Rep2Email, name);
        var rep1 = await OpenPoolAsync(session, DemoCompany.Rep1Email, name);

        await rep1.GetByTestId("lead-claim").ClickAsync();

        await Expect(rep1.GetByText($"{name} is yours now.")).ToBeVisibleAsync();
        await Expect(rep2.GetByTestId("lead-row-name")).ToHaveCountAsync(0);
        await rep1.GetByTestId("lead-view-mine").ClickAsync();
        await Expect(rep1.GetByTestId("lead-row-name")).ToHaveTextAsync([name]);
    });

    [Fact]
    public Task ARepConvertsAQualifiedLeadOnAPhoneAndLandsOnTheCustomerWithItsDeal() => browser.RunAsync(nameof(ARepConvertsAQualifiedLeadOnAPhoneAndLandsOnTheCustomerWithItsDeal), async session =>
    {
        var name = "Convert " + Guid.NewGuid().ToString("N")[..6];
        var rep1 = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var id = await Book.CreateAsync(rep1, new NewLead(Details(name), rep1.UserId, IgnoreDuplicates: true));
        await Book.ChangeStatusAsync(rep1, id, LeadStatus.Qualified, null, 1);
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);
        await page.GotoAsync("/leads");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await BrowserSession.Input(page, "leads-search").FillAsync(name);
        await Expect(page.GetByTestId("lead-row-name")).ToHaveTextAsync([name]);

        await page.GetByTestId("lead-actions").ClickAsync();
        await page.GetByTestId("lead-convert").ClickAsync();
        await BrowserSession.Input(page, "convert-amount").FillAsync("8800");
        await page.GetByTestId("convert-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/customers/\d+$"));
        var customerId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var deals = browser.App.Services.GetRequiredService<OpportunityBook>();
        var deal = Assert.Single((await deals.ListAsync(rep1, new OpportunityQuery { CustomerId = customerId })).Items);
        Assert.Equal((name + " Co", 8800m), (deal.Name, deal.Amount));
    });

    private static LeadDetails Details(string name) => new(name, name + " Co", null, null, null, null, null, null, null, LeadSource.Event, null);

    private static async Task<IPage> OpenPoolAsync(BrowserSession session, string email, string name)
    {
        var page = await session.SignInAsync(email);
        await page.GotoAsync("/leads");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("lead-view-pool").ClickAsync();
        await BrowserSession.Input(page, "leads-search").FillAsync(name);
        await Expect(page.GetByTestId("lead-row-name")).ToHaveTextAsync([name]);
        return page;
    }
}
