using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class CustomerMergeTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AManagerMergesTwoDuplicatesAndUndoesItByRestoringTheMergedOne() => browser.RunAsync(nameof(AManagerMergesTwoDuplicatesAndUndoesItByRestoringTheMergedOne), async session =>
    {
        var directory = browser.App.Services.GetRequiredService<CustomerDirectory>();
        var manager = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await browser.App.UserAsync(DemoCompany.Rep1Email);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (keptName, mergedName, contactName) = ($"Merge Test {tag}", $"MERGE TEST {tag} Co., Ltd.", $"Han Meimei {tag}");
        var kept = await directory.CreateAsync(manager, new NewCustomer(Details(keptName, "Retail"), rep.Id, IgnoreDuplicates: true));
        var merged = await directory.CreateAsync(manager, new NewCustomer(
            Details(mergedName, "Logistics"), rep.Id, PrimaryContact: new ContactDetails(contactName, null, null, null, null, null, true), IgnoreDuplicates: true));

        var page = await session.SignInAsync(DemoCompany.ManagerEmail);
        await page.GotoAsync("/customers/duplicates");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("duplicate-group").Filter(new() { HasText = mergedName }).GetByTestId("duplicate-merge").ClickAsync();
        await Expect(page.GetByTestId("merge-field-industry")).ToContainTextAsync("Logistics");
        await page.GetByTestId($"merge-choice-industry-{merged}").ClickAsync();
        await page.GetByTestId("merge-confirm").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/customers/{kept}");
        var survivor = await directory.GetAsync(manager, kept);
        Assert.Equal((keptName, "Logistics"), (survivor.Details.Name, survivor.Details.Industry));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => directory.GetAsync(manager, merged));
        Assert.Equal([kept], await FoundByAsync(contactName));

        await page.GotoAsync("/customers/recycle-bin");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        var names = page.GetByTestId("recycle-customers").GetByTestId("deleted-name");
        var row = names.Filter(new() { HasText = mergedName }).Locator("xpath=..");
        await Expect(row).ToContainTextAsync("Martin Manager");
        await row.GetByTestId("deleted-restore").ClickAsync();

        await Expect(names.Filter(new() { HasText = mergedName })).ToHaveCountAsync(0);
        Assert.Equal(mergedName, (await directory.GetAsync(manager, merged)).Details.Name);
        Assert.Equal([merged], await FoundByAsync(contactName));
    });

    private static CustomerDetails Details(string name, string industry) =>
        new(name, CustomerKind.Company, industry, null, null, null, null, null, CustomerStatus.Active, null);

    private async Task<List<int>> FoundByAsync(string search)
    {
        var actor = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var found = await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(actor, new CustomerQuery { Search = search });
        return found.Items.Select(c => c.Id).ToList();
    }
}
