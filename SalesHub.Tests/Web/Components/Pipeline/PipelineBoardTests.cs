using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Pipeline;
using SalesHub.Web.Components.Pages.Pipeline.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Presence;

namespace SalesHub.Tests.Web.Components.Pipeline;

public sealed class PipelineBoardTests : ComponentTest
{
    private readonly PipelineTestCompany _company;
    private readonly OpportunityBook _deals;
    private readonly RecordPresence _presence = new(NullLogger<RecordPresence>.Instance);

    public PipelineBoardTests()
    {
        _company = new PipelineTestCompany(Database);
        _deals = _company.Deals;
        Services.AddSingleton(_deals);
        Services.AddSingleton(_company.Stages);
        Services.AddSingleton(new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(_presence);
        // The board is not told of the other user's move here, so its card is stale when moved.
        ComponentFactories.AddStub<LiveRefresh>();
    }

    [Fact]
    public async Task AStaleMoveSaysSoAndTheCardShowsWhereTheServerHasIt()
    {
        var id = await _company.AddDealAsync("Initial contact");
        SignIn(_company.Rita);
        var popovers = Render<MudPopoverProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<PipelineBoard>();
        cut.WaitForElement($"[data-testid=board-column][data-stage='{_company.StageIds["Initial contact"]}'] [data-testid=deal-card][data-id='{id}']");
        var view = await _deals.GetAsync(Actor.For(_company.Martin), id);
        await _deals.MoveAsync(Actor.For(_company.Martin), id, new OpportunityMove(_company.StageIds["Demo"]), view.Version);

        cut.Find("[data-testid=card-menu] button").Click();
        popovers.WaitForElement($"[data-testid=card-move][data-stage='{_company.StageIds["Proposal"]}']").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("changed by someone else first", snackbars.Markup));
        cut.WaitForElement($"[data-testid=board-column][data-stage='{_company.StageIds["Demo"]}'] [data-testid=deal-card][data-id='{id}']");
        Assert.Equal(_company.StageIds["Demo"], (await _deals.GetAsync(Actor.For(_company.Rita), id)).StageId);
    }

    [Fact]
    public async Task ChangesDuringAReloadBringOneMoreReloadAfterItWhichTheBoardShows()
    {
        var id = await _company.AddDealAsync("Initial contact");
        var held = new HeldDatabase(Database);
        Services.AddSingleton(new OpportunityBook(held, Database.Clock));
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        var cut = Render<PipelineBoard>();
        cut.WaitForElement(CardIn("Initial contact", id));
        var changed = cut.FindComponent<Stub<LiveRefresh>>().Instance.Parameters.Get(p => p.OnChange);
        var martin = Actor.For(_company.Martin);
        var before = held.Started;

        held.Hold();
        await _deals.MoveAsync(martin, id, new OpportunityMove(_company.StageIds["Demo"]), 1);
        Task first = Task.CompletedTask, second = Task.CompletedTask;
        await cut.InvokeAsync(() => { first = changed.InvokeAsync([]); });
        await _deals.MoveAsync(martin, id, new OpportunityMove(_company.StageIds["Proposal"]), 2);
        await cut.InvokeAsync(() => { second = changed.InvokeAsync([]); });
        Assert.Equal(before + 1, held.Started);
        held.LetGo();
        await Task.WhenAll(first, second);

        Assert.Equal(before + 2, held.Started);
        cut.WaitForElement(CardIn("Proposal", id));
        Assert.Single(cut.FindAll($"[data-testid=deal-card][data-id='{id}']"));
    }

    [Fact]
    public async Task CardsThatLoadMoreBroughtStayAfterAReload()
    {
        for (var i = 0; i <= OpportunityBook.CardsPerColumn; i++)
        {
            await _company.AddDealAsync("Demo");
        }

        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        var cut = Render<PipelineBoard>();
        var cards = $"[data-testid=board-column][data-stage='{_company.StageIds["Demo"]}'] [data-testid=deal-card]";
        cut.WaitForAssertion(() => Assert.Equal(OpportunityBook.CardsPerColumn, cut.FindAll(cards).Count));
        cut.Find("[data-testid=column-more]").Click();
        cut.WaitForAssertion(() => Assert.Equal(OpportunityBook.CardsPerColumn + 1, cut.FindAll(cards).Count));

        var changed = cut.FindComponent<Stub<LiveRefresh>>().Instance.Parameters.Get(p => p.OnChange);
        await cut.InvokeAsync(() => changed.InvokeAsync([]));

        cut.WaitForAssertion(() => Assert.Equal(OpportunityBook.CardsPerColumn + 1, cut.FindAll(cards).Count));
        Assert.Empty(cut.FindAll("[data-testid=column-more]"));
    }

    [Fact]
    public async Task OnlyCardsTheUserMayChangeOfferMovesAndDrag()
    {
        var ritas = await _company.AddDealAsync("Initial contact");
        var rays = await _deals.CreateAsync(Actor.For(_company.Martin), new OpportunityDraft(
            _company.Customer.Id, "Ray's own", 1_000m, DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime).AddDays(9), _company.StageIds["Demo"], OwnerId: _company.Ray.Id));
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.Set<RecordShare>().Add(new RecordShare { RecordType = nameof(Opportunity), RecordId = ritas, UserId = _company.Ray.Id });
            db.SaveChanges();
        }

        SignIn(_company.Ray);
        Render<MudPopoverProvider>();
        var cut = Render<PipelineBoard>();
        cut.WaitForElement(CardIn("Initial contact", ritas));

        Assert.Empty(cut.FindAll($"[data-testid=deal-card][data-id='{ritas}'] [data-testid=card-menu]"));
        Assert.Single(cut.FindAll($"[data-testid=deal-card][data-id='{rays}'] [data-testid=card-menu]"));
        Assert.Contains("cursor-default", cut.Find($"[data-testid=deal-card][data-id='{ritas}']").Closest(".mud-drop-item")!.ClassName);
        Assert.DoesNotContain("cursor-default", cut.Find($"[data-testid=deal-card][data-id='{rays}']").Closest(".mud-drop-item")!.ClassName);
    }

    [Fact]
    public async Task TheFiltersLiveInTheAddressSoALinkShowsTheSameBoard()
    {
        var small = await _company.AddDealAsync("Initial contact");
        var large = await _deals.CreateAsync(Actor.For(_company.Rita), new OpportunityDraft(
            _company.Customer.Id, "Plant", 90_000m, DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime).AddDays(20), _company.StageIds["Initial contact"]));
        SignIn(_company.Rita);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/pipeline?minAmount=50000");
        Render<MudPopoverProvider>();

        var cut = Render<PipelineBoard>();

        cut.WaitForElement(CardIn("Initial contact", large));
        Assert.Empty(cut.FindAll($"[data-testid=deal-card][data-id='{small}']"));
        var filters = cut.FindComponent<OpportunityFilters>();
        Assert.Equal(50_000m, filters.Instance.Query.MinAmount);

        await cut.InvokeAsync(() => filters.Instance.QueryChanged.InvokeAsync(filters.Instance.Query with { MinAmount = null, MaxAmount = 20_000m, CloseTo = new DateOnly(2026, 12, 31) }));

        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        Assert.Equal(("20000", "2026-12-31", false), (query["maxAmount"].ToString(), query["closeTo"].ToString(), query.ContainsKey("minAmount")));
        cut.WaitForElement(CardIn("Initial contact", small));
        Assert.Empty(cut.FindAll($"[data-testid=deal-card][data-id='{large}']"));
    }

    [Fact]
    public async Task ACardSaysWhenAnotherUserIsEditingItsDeal()
    {
        var id = await _company.AddDealAsync("Initial contact");
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        var cut = Render<PipelineBoard>();
        var card = $"[data-testid=deal-card][data-id='{id}']";
        cut.WaitForElement(card);
        Assert.Empty(cut.FindAll($"{card} [data-testid=card-editing]"));

        using var martin = _presence.Join(nameof(Opportunity), id, Actor.For(_company.Martin), () => Task.CompletedTask);
        martin.SetEditing(true);
        cut.WaitForAssertion(() => Assert.Equal("Martin is editing", cut.Find($"{card} [data-testid=card-editing]").GetAttribute("aria-label")));

        martin.SetEditing(false);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"{card} [data-testid=card-editing]")));
    }

    private string CardIn(string stage, int id) => $"[data-testid=board-column][data-stage='{_company.StageIds[stage]}'] [data-testid=deal-card][data-id='{id}']";
}
