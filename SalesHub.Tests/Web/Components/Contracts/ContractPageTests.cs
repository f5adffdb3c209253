using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Contracts;

namespace SalesHub.Tests.Web.Components.Contracts;

public sealed class ContractPageTests : ComponentTest
{
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly AppUser _sam;
    private readonly Customer _customer;
    private readonly ContractBook _contracts;

    public ContractPageTests()
    {
        var company = new CompanyBuilder(Database);
        _martin = company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = company.AddUser(Roles.SalesRep, company.AddTeam("East", _martin), "Rita");
        _sam = company.AddUser(Roles.SalesRep, company.AddTeam("West"), "Sam");
        _customer = company.AddCustomer(_rita, "上海华联有限公司");
        var attachmentOptions = Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder });
        var settings = new CompanySettings(Database, attachmentOptions, Database.ChangeFeed);
        _contracts = new ContractBook(Database, settings, Database.Clock);
        Services.AddSingleton(_contracts);
        Services.AddSingleton(new ContractAttachments(Database, attachmentOptions));
        Services.AddSingleton(settings);
        Services.AddSingleton(new AuditTrail(Database));
        Services.AddSingleton<TimeProvider>(Database.Clock);
    }

    private DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ADraftIsSignedThroughTheDialogAndThenOffersOnlyTermination()
    {
        var id = await DraftAsync(startsInDays: 0);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();
        Assert.Equal(["contract-edit", "contract-sign", "contract-delete"], Buttons(cut));

        cut.Find("[data-testid=contract-sign]").Click();
        dialogs.WaitForElement("[data-testid=contract-step-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("[data-testid=contract-status]").TextContent.Trim()));
        Assert.Equal(["contract-terminate"], Buttons(cut));
        Assert.Equal((ContractStatus.Active, Today), ((await GetAsync(id)).Status, (await GetAsync(id)).SignedOn));
    }

    [Fact]
    public async Task TerminatingNeedsAReasonShownBesideTheField()
    {
        var id = await DraftAsync(startsInDays: 0);
        await _contracts.SignAsync(Actor.For(_rita), id, Today, 1);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=contract-terminate]").Click();
        dialogs.WaitForElement("[data-testid=contract-step-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Enter why the contract is terminated", dialogs.Find("[data-testid=contract-step-dialog]").TextContent));
        Assert.Equal(ContractStatus.Active, (await GetAsync(id)).Status);

        dialogs.Find("textarea[data-testid=contract-terminate-reason], [data-testid=contract-terminate-reason] textarea").Change("The customer closed the plant");
        dialogs.Find("[data-testid=contract-step-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The customer closed the plant", cut.Find("[data-testid=contract-termination-reason]").TextContent));
        Assert.DoesNotContain("contract-terminate", Buttons(cut));
    }

    [Fact]
    public async Task AContractEndingWithinItsReminderDaysIsFlaggedAndAChangeElsewhereShowsAtOnce()
    {
        var id = await DraftAsync(startsInDays: -300, lastsDays: 320);
        var cut = Open(_rita, id);
        Assert.Empty(cut.FindAll("[data-testid=contract-ending-soon]"));

        await _contracts.SignAsync(Actor.For(_martin), id, Today.AddDays(-300), 1);

        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("[data-testid=contract-status]").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll("[data-testid=contract-ending-soon]"));
    }

    [Fact]
    public async Task AnotherRepSeesNotFound()
    {
        var id = await DraftAsync(startsInDays: 0);
        SignIn(_sam);
        Render<MudPopoverProvider>();

        var cut = Render<ContractPage>(p => p.Add(e => e.Id, id));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=contract-status]")));
        Assert.Empty(cut.FindAll("[data-testid=contract-number]"));
    }

    private async Task<ContractView> GetAsync(int id) => await _contracts.GetAsync(Actor.For(_rita), id);

    private Task<int> DraftAsync(int startsInDays, int lastsDays = 365) =>
        _contracts.CreateAsync(Actor.For(_rita), new ContractDraft(_customer.Id, null, "Annual supply", Today.AddDays(startsInDays), Today.AddDays(startsInDays + lastsDays), 50_000m));

    private IRenderedComponent<ContractPage> Open(AppUser user, int id)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<ContractPage>(p => p.Add(e => e.Id, id));
        cut.WaitForElement("[data-testid=contract-status]");
        return cut;
    }

    private static string[] Buttons(IRenderedComponent<ContractPage> cut) =>
        [.. cut.FindAll("[data-testid=contract-actions] button").Select(b => b.GetAttribute("data-testid")!)];
}
