using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class CustomerListTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CustomerDirectory Directory => browser.App.Services.GetRequiredService<CustomerDirectory>();

    [Fact]
    public Task ARepCreatesACustomerAfterSeeingThatAnotherRepsCustomerLooksTheSame() => browser.RunAsync(nameof(ARepCreatesACustomerAfterSeeingThatAnotherRepsCustomerLooksTheSame), async session =>
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(DemoCompany.Rep3Email, $"苏州{unique}照明有限公司");
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await page.GotoAsync("/customers");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("customer-new").ClickAsync();
        await BrowserSession.Input(page, "customer-name-input").FillAsync($"苏州{unique}照明");
        await BrowserSession.Input(page, "customer-contact-name").FillAsync("Li Lei");
        await Expect(page.GetByTestId("duplicate-warning")).ToContainTextAsync("A customer you cannot see, owned by Sam Seller · same name");
        await BrowserSession.Input(page, "customer-mobile").FillAsync($"+86 139 {Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}");
        await page.GetByTestId("customer-save").ClickAsync();
        await Expect(page.GetByTestId("customer-save-anyway")).ToBeVisibleAsync();

        await page.GetByTestId("customer-save-anyway").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/customers/\d+$"));
        var rep1 = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var mine = await Directory.ListAsync(rep1, new CustomerQuery { Search = $"苏州{unique}" });
        var created = Assert.Single(mine.Items);
        Assert.Equal("Li Lei", created.PrimaryContact);
    });

    [Fact]
    public Task AnEmptyNameIsRefusedBesideTheField() => browser.RunAsync(nameof(AnEmptyNameIsRefusedBesideTheField), async session =>
    {
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await page.GotoAsync("/customers");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("customer-new").ClickAsync();
        await BrowserSession.Input(page, "customer-email").FillAsync("not-an-email");
        await page.GetByTestId("customer-save").ClickAsync();

        await Expect(page.GetByTestId("customer-dialog")).ToContainTextAsync("Enter the customer's name.");
        await BrowserSession.Input(page, "customer-name-input").FillAsync("Valid Name " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByTestId("customer-save").ClickAsync();
        await Expect(page.GetByTestId("customer-dialog")).ToContainTextAsync("Enter a valid e-mail address");
        await Expect(page.GetByTestId("customer-dialog")).ToBeVisibleAsync();
    });

    [Fact]
    public Task ARepSearchesTheirOwnCustomersAndNeverSeesAnotherReps() => browser.RunAsync(nameof(ARepSearchesTheirOwnCustomersAndNeverSeesAnotherReps), async session =>
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(DemoCompany.Rep1Email, $"Orchid {unique} Trading", "Wang Fang", "13912345678");
        await CreateAsync(DemoCompany.Rep3Email, $"Orchid {unique} Logistics");
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await page.GotoAsync("/customers");
        await BrowserSession.WaitUntilInteractiveAsync(page);

        await BrowserSession.Input(page, "customers-search").FillAsync($"orchid {unique}");

        await Expect(page.GetByTestId("customer-row-name")).ToHaveTextAsync([$"Orchid {unique} Trading"]);
        await BrowserSession.Input(page, "customers-search").FillAsync("wang fang");
        await Expect(page.GetByTestId("customer-row-name").Filter(new() { HasText = unique })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task AManagerExportsTheFilteredListAsCsv() => browser.RunAsync(nameof(AManagerExportsTheFilteredListAsCsv), async session =>
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(DemoCompany.Rep1Email, $"Export {unique} East");
        await CreateAsync(DemoCompany.Rep3Email, $"Export {unique} South");
        var page = await session.SignInAsync(DemoCompany.ManagerEmail);
        await page.GotoAsync("/customers");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await BrowserSession.Input(page, "customers-search").FillAsync($"export {unique}");
        await Expect(page.GetByTestId("customer-row-name")).ToHaveCountAsync(1);

        await page.GetByTestId("customers-export").Locator("button").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("customers-export-csv").ClickAsync());

        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"Export {unique} East", csv);
        Assert.DoesNotContain($"Export {unique} South", csv);
        Assert.StartsWith("Name,Type,Grade,Status", csv.TrimStart('\uFEFF'));
    });

    private async Task CreateAsync(string ownerEmail, string name, string? contact = null, string? mobile = null)
    {
        var owner = await browser.App.ActorForAsync(ownerEmail);
        var details = new CustomerDetails(name, CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null);
        var primary = contact is null ? null : new ContactDetails(contact, null, mobile, null, null, null, true);
        await Directory.CreateAsync(owner, new NewCustomer(details, PrimaryContact: primary, IgnoreDuplicates: true));
    }
}
