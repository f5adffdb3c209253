using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class PipelineBoardTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private T Get<T>()
        where T : notnull => browser.App.Services.GetRequiredService<T>();

    [Fact]
    public Task AManagersMoveShowsOnTheRepsOpenBoardWithoutReload() => browser.RunAsync(nameof(AManagersMoveShowsOnTheRepsOpenBoardWithoutReload), async session =>
    {
        var (id, stages) = await RitasDealAsync("Live move", "Initial contact");
        var rep = await OpenBoardAsync(session, DemoCompany.Rep1Email);
        var manager = await OpenBoardAsync(session, DemoCompany.ManagerEmail);
        await Expect(Card(rep, id, stages["Initial contact"])).ToBeVisibleAsync();

        await Card(manager, id, stages["Initial contact"]).DragToAsync(Column(manager, stages["Needs analysis"]).GetByTestId("column-cards"));

        await Expect(Card(rep, id, stages["Needs analysis"])).ToBeVisibleAsync();
        await Expect(Card(rep, id, stages["Initial contact"])).ToHaveCountAsync(0);
        var deal = await Get<OpportunityBook>().GetAsync(await browser.App.ActorForAsync(DemoCompany.Rep1Email), id);
        Assert.Equal(stages["Needs analysis"], deal.StageId);
    });

    [Fact]
    public Task AMoveThroughTheApiMovesTheCardAndTheColumnTotalsOnAnOpenBoard() => browser.RunAsync(nameof(AMoveThroughTheApiMovesTheCardAndTheColumnTotalsOnAnOpenBoard), async session =>
    {
        var (id, stages) = await RitasDealAsync("Moved by the API", "Initial contact");
        var rep = await OpenBoardAsync(session, DemoCompany.Rep1Email);
        await Expect(Card(rep, id, stages["Initial contact"])).ToBeVisibleAsync();
        var fromCount = Count(await Column(rep, stages["Initial contact"]).GetByTestId("column-count").TextContentAsync());
        var toCount = Count(await Column(rep, stages["Demo"]).GetByTestId("column-count").TextContentAsync());
        var manager = await browser.App.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);

        var moved = await manager.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Demo"], version = 1 });

        Assert.Equal(System.Net.HttpStatusCode.OK, moved.StatusCode);
        await Expect(Card(rep, id, stages["Demo"])).ToBeVisibleAsync();
        await Expect(Card(rep, id, stages["Initial contact"])).ToHaveCountAsync(0);
        await Expect(Column(rep, stages["Demo"]).GetByTestId("column-count")).ToHaveTextAsync((toCount + 1).ToString("N0", CultureInfo.CurrentCulture));
        await Expect(Column(rep, stages["Initial contact"]).GetByTestId("column-count")).ToHaveTextAsync((fromCount - 1).ToString("N0", CultureInfo.CurrentCulture));
    });

    [Fact]
    public Task AMoveIntoLostOnAPhoneAsksForTheReason() => browser.RunAsync(nameof(AMoveIntoLostOnAPhoneAsksForTheReason), async session =>
    {
        var (id, stages) = await RitasDealAsync("Lost on a phone", "Proposal");
        var rep = await OpenBoardAsync(session, DemoCompany.Rep1Email, BrowserSession.Phone);
        var card = Card(rep, id, stages["Proposal"]);

        await card.GetByTestId("card-menu").Locator("button").ClickAsync();
        await rep.Locator($"[data-testid=card-move][data-stage='{stages["Lost"]}']").ClickAsync();
        await rep.GetByTestId("lost-reason-confirm").ClickAsync();
        await Expect(rep.GetByTestId("lost-reason-dialog")).ToContainTextAsync("Say why the deal was lost.");
        await BrowserSession.Input(rep, "lost-reason").FillAsync("Budget cut");
        await rep.GetByTestId("lost-reason-confirm").ClickAsync();

        await Expect(rep.Locator($"[data-testid=deal-card][data-id='{id}']")).ToHaveCountAsync(0);
        var deal = await Get<OpportunityBook>().GetAsync(await browser.App.ActorForAsync(DemoCompany.Rep1Email), id);
        Assert.Equal((stages["Lost"], "Budget cut"), (deal.StageId, deal.LostReason));
    });

    [Fact]
    public Task AStaleDemoDealIsFlaggedOnTheBoard() => browser.RunAsync(nameof(AStaleDemoDealIsFlaggedOnTheBoard), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var rows = (await Get<OpportunityBook>().ListAsync(rita, new OpportunityQuery { Open = true, OwnerId = rita.UserId, PageSize = 200 })).Items;
        var stale = rows.First(r => r.IsStale);
        var rep = await OpenBoardAsync(session, DemoCompany.Rep1Email);

        await Expect(Card(rep, stale.Id, stale.StageId).GetByTestId("card-stale")).ToBeVisibleAsync();
    });

    [Fact]
    public Task AConflictingEditSaysWhatChangedAndKeepsTheRepsInput() => browser.RunAsync(nameof(AConflictingEditSaysWhatChangedAndKeepsTheRepsInput), async session =>
    {
        var (id, _) = await RitasDealAsync("Conflicting edit", "Demo");
        var rep = await OpenDealAsync(session, DemoCompany.Rep1Email, id);
        var manager = await OpenDealAsync(session, DemoCompany.ManagerEmail, id);

        await BrowserSession.Input(rep, "deal-next-step").FillAsync("Call the plant manager");
        await BrowserSession.Input(manager, "deal-amount").FillAsync("20000");
        await manager.GetByTestId("deal-save").ClickAsync();
        await Expect(rep.GetByTestId("deal-changed")).ToBeVisibleAsync();
        await rep.GetByTestId("deal-save").ClickAsync();

        await Expect(rep.GetByTestId("deal-conflict")).ToContainTextAsync("Martin Manager");
        await Expect(BrowserSession.Input(rep, "deal-next-step")).ToHaveValueAsync("Call the plant manager");
        await rep.GetByTestId("deal-save").ClickAsync();
        await Expect(rep.GetByTestId("deal-conflict")).ToHaveCountAsync(0);
        var deal = await Get<OpportunityBook>().GetAsync(await browser.App.ActorForAsync(DemoCompany.Rep1Email), id);
        Assert.Equal(("Call the plant manager", 20_000m), (deal.NextStep, deal.Amount));
    });

    [Fact]
    public Task TheManagerSeesTheRepViewingThenEditingTheDealUntilTheyLeave() => browser.RunAsync(nameof(TheManagerSeesTheRepViewingThenEditingTheDealUntilTheyLeave), async session =>
    {
        var (id, stages) = await RitasDealAsync("Presence", "Initial contact");
        var rep = await OpenDealAsync(session, DemoCompany.Rep1Email, id);
        var manager = await OpenDealAsync(session, DemoCompany.ManagerEmail, id);
        var board = await OpenBoardAsync(session, DemoCompany.ManagerEmail);
        var presence = manager.GetByTestId("deal-presence");
        var editing = Card(board, id, stages["Initial contact"]).GetByTestId("card-editing");
        await Expect(presence).ToHaveTextAsync("Rita Rep is viewing");
        await Expect(rep.GetByTestId("deal-presence")).ToHaveTextAsync("Martin Manager is viewing");
        await Expect(editing).ToHaveCountAsync(0);

        await BrowserSession.Input(rep, "deal-next-step").FillAsync("Call the plant manager");
        await Expect(presence).ToHaveTextAsync("Rita Rep is editing");
        await Expect(editing).ToHaveAttributeAsync("aria-label", "Rita Rep is editing");

        await rep.GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).First.ClickAsync();
        await rep.GetByTestId("board").WaitForAsync();
        await Expect(presence).ToHaveCountAsync(0);
        await Expect(editing).ToHaveCountAsync(0);
    });

    [Fact]
    public Task ANewDealFromTheCustomersProfileTakesTheFirstStagesProbability() => browser.RunAsync(nameof(ANewDealFromTheCustomersProfileTakesTheFirstStagesProbability), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await Get<CustomerDirectory>().ListAsync(rita, new CustomerQuery { OwnerId = rita.UserId, PageSize = 1 })).Items[0];
        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/customers/{customer.Id.ToString(CultureInfo.InvariantCulture)}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("tab-opportunities").ClickAsync();
        await rep.GetByTestId("customer-deal-new").ClickAsync();

        await Expect(BrowserSession.Input(rep, "deal-customer")).ToHaveValueAsync(customer.Name);
        await BrowserSession.Input(rep, "deal-name").FillAsync("Spare parts 2027");
        await BrowserSession.Input(rep, "deal-amount").FillAsync("8800");
        await rep.GetByTestId("deal-save").ClickAsync();

        await rep.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/opportunities/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await Expect(rep.GetByTestId("deal-title")).ToHaveTextAsync("Spare parts 2027");
        var id = int.Parse(new Uri(rep.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var deal = await Get<OpportunityBook>().GetAsync(rita, id);
        var first = (await Get<PipelineStages>().ListAsync(rita)).First(s => s.Kind == PipelineStageKind.Open);
        Assert.Equal((customer.Id, 8800m, first.Id, first.DefaultProbability), (deal.CustomerId, deal.Amount, deal.StageId, deal.Probability));
    });

    private static async Task<IPage> OpenDealAsync(BrowserSession session, string email, int id)
    {
        var page = await session.SignInAsync(email);
        await page.GotoAsync($"/opportunities/{id.ToString(CultureInfo.InvariantCulture)}");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("deal-form").WaitForAsync();
        return page;
    }

    private static async Task<IPage> OpenBoardAsync(BrowserSession session, string email, ViewportSize? viewport = null)
    {
        var page = await session.SignInAsync(email, viewport: viewport);
        await page.GotoAsync("/pipeline");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("board").WaitForAsync();
        return page;
    }

    private static ILocator Column(IPage page, int stageId) =>
        page.Locator($"[data-testid=board-column][data-stage='{stageId.ToString(CultureInfo.InvariantCulture)}']");

    private static ILocator Card(IPage page, int id, int stageId) =>
        Column(page, stageId).Locator($"[data-testid=deal-card][data-id='{id.ToString(CultureInfo.InvariantCulture)}']");

    private static int Count(string? text) => int.Parse(text ?? "", NumberStyles.AllowThousands, CultureInfo.CurrentCulture);

    /// <summary>A new deal of Rita's (rep 1, on the manager's team) in <paramref name="stage"/>, and the stages' ids by English name.</summary>
    private async Task<(int Id, Dictionary<string, int> Stages)> RitasDealAsync(string name, string stage)
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var stages = (await Get<PipelineStages>().ListAsync(rita)).ToDictionary(s => s.NameEn, s => s.Id);
        var customer = (await Get<CustomerDirectory>().ListAsync(rita, new CustomerQuery { OwnerId = rita.UserId, PageSize = 1 })).Items[0];
        var closeDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var id = await Get<OpportunityBook>().CreateAsync(rita, new OpportunityDraft(customer.Id, name, 12_345m, closeDate, stages[stage]));
        return (id, stages);
    }
}
