using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Pages.Pipeline;
using SalesHub.Web.Presence;

namespace SalesHub.Tests.Web.Components.Pipeline;

public sealed class OpportunityPageTests : ComponentTest
{
    private readonly PipelineTestCompany _company;
    private readonly OpportunityBook _deals;
    private readonly RecordPresence _presence = new(NullLogger<RecordPresence>.Instance);

    public OpportunityPageTests()
    {
        _company = new PipelineTestCompany(Database);
        _deals = _company.Deals;
        Services.AddSingleton(_deals);
        Services.AddSingleton(_company.Stages);
        Services.AddSingleton(new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed));
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton(new AuditTrail(Database));
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(_presence);
    }

    [Fact]
    public async Task AnotherUserWhoHasTheDealOpenShowsAsViewingThenEditingUntilTheyLeave()
    {
        var id = await DealAsync();
        var martin = _presence.Join(nameof(Opportunity), id, Actor.For(_company.Martin), () => Task.CompletedTask);
        var cut = Open(_company.Rita, id);

        Assert.Equal("Martin is viewing", cut.Find("[data-testid=deal-presence]").TextContent.Trim());

        martin.SetEditing(true);
        cut.WaitForAssertion(() => Assert.Equal("Martin is editing", cut.Find("[data-testid=deal-presence]").TextContent.Trim()));

        martin.Dispose();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=deal-presence]")));
    }

    [Fact]
    public async Task TypingShowsTheUserAsEditingToOthersUntilSavedAndLeavingTheDealLetsGo()
    {
        var id = await DealAsync();
        using var martin = _presence.Join(nameof(Opportunity), id, Actor.For(_company.Martin), () => Task.CompletedTask);
        var cut = Open(_company.Rita, id);
        Assert.Equal([new PresentUser(_company.Rita.Id, "Rita", false)], martin.Others);

        Input(cut, "deal-next-step").Input("Call the plant manager");
        Assert.Equal([new PresentUser(_company.Rita.Id, "Rita", true)], martin.Others);

        cut.Find("[data-testid=deal-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal([new PresentUser(_company.Rita.Id, "Rita", false)], martin.Others));

        await DisposeComponentsAsync();
        Assert.Empty(martin.Others);
    }

    [Fact]
    public async Task ARefusedValueShowsItsMessageBesideTheFieldAndSavesNothing()
    {
        var id = await DealAsync();
        var before = (await _deals.GetAsync(Actor.For(_company.Rita), id)).Version;
        var cut = Open(_company.Rita, id);

        Input(cut, "deal-amount").Input("-5");
        cut.Find("[data-testid=deal-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The amount cannot be negative.", FieldText(cut, "deal-amount")));
        Assert.Equal(before, (await _deals.GetAsync(Actor.For(_company.Rita), id)).Version);
    }

    [Fact]
    public async Task ALostStageAsksForTheReasonBesideItsField()
    {
        var id = await DealAsync();
        var cut = Open(_company.Rita, id);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(_company.StageIds["Lost"]));
        cut.Find("[data-testid=deal-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Say why the deal was lost.", FieldText(cut, "deal-lost-reason")));
        Assert.Equal(_company.StageIds["Initial contact"], (await _deals.GetAsync(Actor.For(_company.Rita), id)).StageId);
    }

    [Fact]
    public async Task AStaleSaveSaysWhatChangedKeepsTheInputAndSavingAgainAppliesItOverTheirChange()
    {
        var id = await DealAsync();
        var cut = Open(_company.Rita, id);
        Input(cut, "deal-name").Input("Pumps and valves");
        var view = await _deals.GetAsync(Actor.For(_company.Martin), id);
        await _deals.UpdateAsync(Actor.For(_company.Martin), id, new OpportunityDraft(
            view.CustomerId, view.Name, 25_000m, view.ExpectedCloseDate, view.StageId, view.Probability), view.Version);

        // Martin's save also reaches the open page (live), which may render between a find and a click.
        await cut.InvokeAsync(() => cut.Find("[data-testid=deal-save]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Martin", cut.Find("[data-testid=deal-conflict]").TextContent));
        Assert.Equal("Pumps and valves", Input(cut, "deal-name").GetAttribute("value"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=deal-save]").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=deal-conflict]")));
        var saved = await _deals.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal(("Pumps and valves", 25_000m), (saved.Name, saved.Amount));
    }

    [Fact]
    public async Task AnotherUsersSaveReloadsAnUntouchedForm()
    {
        var id = await DealAsync();
        var cut = Open(_company.Rita, id);
        var view = await _deals.GetAsync(Actor.For(_company.Martin), id);

        await _deals.UpdateAsync(Actor.For(_company.Martin), id, new OpportunityDraft(
            view.CustomerId, "Pumps for plant 3", view.Amount, view.ExpectedCloseDate, view.StageId, view.Probability), view.Version);

        cut.WaitForAssertion(() => Assert.Equal("Pumps for plant 3", Input(cut, "deal-name").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=deal-conflict]"));
    }

    private async Task<int> DealAsync()
    {
        return await _company.AddDealAsync("Initial contact");
    }

    private IRenderedComponent<OpportunityPage> Open(AppUser user, int id)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var cut = Render<OpportunityPage>(p => p.Add(e => e.Id, id).AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        cut.WaitForElement("[data-testid=deal-form]");
        return cut;
    }

    private static IElement Input(IRenderedComponent<OpportunityPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");

    private static string FieldText(IRenderedComponent<OpportunityPage> cut, string testId) =>
        Input(cut, testId).Closest(".mud-input-control")!.TextContent;
}
