using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class CustomerProfileTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ARepAddsAContactToTheirCustomerAndLogsAnInteractionWithThem() => browser.RunAsync(nameof(ARepAddsAContactToTheirCustomerAndLogsAnInteractionWithThem), async session =>
    {
        var (id, name) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Harbour Trading");
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await OpenAsync(page, id);
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("figure-last-interaction")).ToHaveTextAsync("—");

        await page.GetByTestId("tab-contacts").ClickAsync();
        await page.GetByTestId("contact-new").ClickAsync();
        await BrowserSession.Input(page, "contact-name").FillAsync("Zhang Wei");
        await BrowserSession.Input(page, "contact-mobile").FillAsync("138 0000 1111");
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.GetByTestId("contact-dialog")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact-row")).ToContainTextAsync("Zhang Wei");

        await page.GetByTestId("tab-timeline").ClickAsync();
        await Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();
        await page.GetByTestId("interaction-new").ClickAsync();
        await page.GetByTestId("interaction-contact").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Zhang Wei" }).ClickAsync();
        await BrowserSession.Input(page, "interaction-summary").FillAsync("Called about the spring order");
        await page.GetByTestId("interaction-save").ClickAsync();

        await Expect(page.GetByTestId("interaction-dialog")).Not.ToBeVisibleAsync();
        var entry = page.GetByTestId("timeline-entry");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Called about the spring order");
        await Expect(entry).ToContainTextAsync("Zhang Wei");
        await Expect(entry).ToContainTextAsync("Logged by Rita Rep");
        await Expect(page.GetByTestId("figure-last-interaction")).Not.ToHaveTextAsync("—");
    });

    [Fact]
    public Task ARepOpeningAnotherRepsCustomerByItsAddressSeesNothingOfIt() => browser.RunAsync(nameof(ARepOpeningAnotherRepsCustomerByItsAddressSeesNothingOfIt), async session =>
    {
        var (id, name) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Secret Orchard");
        var page = await session.SignInAsync(DemoCompany.Rep3Email);

        await OpenAsync(page, id);

        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(name);
    });

    [Fact]
    public Task AnInteractionTheManagerLogsAppearsOnTheRepsOpenProfile() => browser.RunAsync(nameof(AnInteractionTheManagerLogsAppearsOnTheRepsOpenProfile), async session =>
    {
        var (id, _) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Lakeside Foods");
        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await OpenAsync(rep, id);
        await rep.GetByTestId("tab-timeline").ClickAsync();
        await Expect(rep.GetByTestId("timeline-empty")).ToBeVisibleAsync();
        await OpenAsync(manager, id);
        await manager.GetByTestId("tab-timeline").ClickAsync();

        await manager.GetByTestId("interaction-new").ClickAsync();
        await BrowserSession.Input(manager, "interaction-summary").FillAsync("Visited with Rita; they want a demo");
        await manager.GetByTestId("interaction-save").ClickAsync();
        await Expect(manager.GetByTestId("interaction-dialog")).Not.ToBeVisibleAsync();

        await Expect(rep.GetByTestId("timeline-entry")).ToContainTextAsync("Visited with Rita; they want a demo");
        await Expect(rep.GetByTestId("timeline-entry")).ToContainTextAsync("Logged by Martin Manager");
        await Expect(rep.GetByTestId("figure-last-interaction")).Not.ToHaveTextAsync("—");
    });

    [Fact]
    public Task ACustomerTheManagerRenamesIsRenamedOnTheRepsOpenList() => browser.RunAsync(nameof(ACustomerTheManagerRenamesIsRenamedOnTheRepsOpenList), async session =>
    {
        var (id, name) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Riverside Paper");
        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await rep.GotoAsync("/customers");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await Expect(rep.GetByTestId("customer-row-name").First).ToHaveTextAsync(name);
        await OpenAsync(manager, id);

        await manager.GetByTestId("customer-edit").ClickAsync();
        await BrowserSession.Input(manager, "customer-name-input").FillAsync(name + " Group");
        await manager.GetByTestId("customer-save").ClickAsync();
        await Expect(manager.GetByTestId("customer-name")).ToHaveTextAsync(name + " Group");

        await Expect(rep.GetByTestId("customer-row-name").First).ToHaveTextAsync(name + " Group");
    });

    [Fact]
    public Task ALongTimelineLoadsOlderInteractionsAsTheRepScrollsDown() => browser.RunAsync(nameof(ALongTimelineLoadsOlderInteractionsAsTheRepScrollsDown), async session =>
    {
        var (id, _) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Mountain Tea");
        var rep = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var timeline = browser.App.Services.GetRequiredService<CustomerTimeline>();
        var start = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 60; day++)
        {
            await timeline.LogAsync(rep, id, new InteractionDetails(InteractionKind.Call, start.AddDays(day), null, $"Call number {day + 1}", null, null));
        }

        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await OpenAsync(page, id);
        await page.GetByTestId("tab-timeline").ClickAsync();
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("Call number 60");
        await Expect(page.GetByText("Call number 1", new() { Exact = true })).ToHaveCountAsync(0);

        await page.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");

        await Expect(page.GetByText("Call number 1", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline-entry").Last).ToContainTextAsync("1/1/2026");
    });

    [Fact]
    public Task OnAPhoneTheProfileFitsTheScreenAndEveryTabCanBeReached() => browser.RunAsync(nameof(OnAPhoneTheProfileFitsTheScreenAndEveryTabCanBeReached), async session =>
    {
        var (id, _) = await CreateCustomerAsync(DemoCompany.Rep1Email, "Very Long Name International Import And Export Trading Company");
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);
        await OpenAsync(page, id);

        await page.GetByTestId("tab-history").ClickAsync();

        await Expect(page.GetByTestId("history-entry")).ToContainTextAsync("Created · Rita Rep");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The profile scrolls sideways on a phone ({width}px wide).");
    });

    private static async Task OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/customers/{id}");
        await BrowserSession.WaitUntilInteractiveAsync(page);
    }

    private async Task<(int Id, string Name)> CreateCustomerAsync(string ownerEmail, string name)
    {
        // Each test gets a customer of its own, never taken for a duplicate of another test's.
        var unique = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var owner = await browser.App.ActorForAsync(ownerEmail);
        var details = new CustomerDetails(unique, CustomerKind.Company, "Retail", "浙江", "杭州", null, "Trade fair", null, CustomerStatus.Prospect, "Prefers calls after 10:00");
        var id = await browser.App.Services.GetRequiredService<CustomerDirectory>().CreateAsync(owner, new NewCustomer(details));
        return (id, unique);
    }
}
