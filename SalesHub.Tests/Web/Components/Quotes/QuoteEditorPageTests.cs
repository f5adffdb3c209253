using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Web.Localization;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Quotes;
using SalesHub.Web.Components.Pages.Quotes.Components;

namespace SalesHub.Tests.Web.Components.Quotes;

public sealed class QuoteEditorPageTests : ComponentTest
{
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly Customer _customer;
    private readonly CompanySettings _settings;
    private readonly QuoteBook _quotes;
    private readonly ProductCatalog _catalog;
    private readonly OpportunityBook _deals;

    public QuoteEditorPageTests()
    {
        var company = new CompanyBuilder(Database);
        _martin = company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = company.AddUser(Roles.SalesRep, company.AddTeam("East", _martin), "Rita");
        _customer = company.AddCustomer(_rita, "上海华联有限公司");
        _settings = new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed);
        _quotes = new QuoteBook(Database, _settings, Database.Clock);
        _catalog = new ProductCatalog(Database, new RecycleBin(Database));
        _deals = new OpportunityBook(Database, Database.Clock);
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            PipelineStages.SeedDefaultsAsync(db).GetAwaiter().GetResult();
        }
        // The PDF button has tests of its own (QuotePdfButtonTests): here it is left out.
        ComponentFactories.AddStub<QuotePdfButton>();
        Services.AddSingleton(_settings);
        Services.AddSingleton(_quotes);
        Services.AddSingleton(_deals);
        Services.AddSingleton(_catalog);
        Services.AddSingleton(new SalesHub.Core.Catalog.PriceLists(Database));
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton(new CustomerContacts(Database));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
        Services.AddSingleton(new AuditTrail(Database));
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(new StockLevels(Database));
    }

    [Fact]
    public async Task TotalsFollowWhatIsTypedAndEqualThePricingEngines()
    {
        var id = await DraftAsync(new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m), new QuoteLineInput(await ProductAsync("VALVE", 99.99m, 6m), 2m));
        var cut = RenderEditor(_rita, id);

        Input(cut, "quote-line-quantity", 0).Input("3");
        cut.WaitForAssertion(() => Assert.Equal(Money(Expected(3m, 0m, 0m).Total), cut.Find("[data-testid=quote-total]").TextContent));
        Input(cut, "quote-line-discount-percent", 1).Input("5");
        Input(cut, "quote-discount-amount", 0).Input("10");

        var expected = Expected(3m, 5m, 10m);
        cut.WaitForAssertion(() => Assert.Equal(Money(expected.Total), cut.Find("[data-testid=quote-total]").TextContent));
        Assert.Equal(Money(expected.Untaxed), cut.Find("[data-testid=quote-untaxed]").TextContent);
        Assert.Equal(Money(expected.Tax), cut.Find("[data-testid=quote-tax]").TextContent);
        Assert.Equal(expected.Lines.Select(l => Money(l.Amount)), cut.FindAll("[data-testid=quote-line-amount]").Select(a => a.TextContent));
        Assert.Equal(Expected(1m, 0m, 0m).Total, (await _quotes.GetAsync(Actor.For(_rita), id)).Quote.Total);
    }

    [Fact]
    public async Task ARefusedValueShowsItsMessageBesideTheFieldAndSavesNothing()
    {
        var id = await DraftAsync(new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m));
        var before = (await _quotes.GetAsync(Actor.For(_rita), id)).Quote.Version;
        var cut = RenderEditor(_rita, id);

        Input(cut, "quote-line-quantity", 0).Input("-2");
        cut.WaitForAssertion(() => Assert.Contains("The quantity cannot be negative.", FieldText(cut, "quote-line-quantity", 0)));
        Input(cut, "quote-line-quantity", 0).Input("2");
        Input(cut, "quote-discount-percent", 0).Input("150");
        cut.WaitForAssertion(() => Assert.Contains("A discount cannot be more than 100 %.", FieldText(cut, "quote-discount-percent", 0)));
        Assert.DoesNotContain("The quantity cannot be negative.", cut.Markup);
        cut.Find("[data-testid=quote-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("A discount cannot be more than 100 %.", FieldText(cut, "quote-discount-percent", 0)));
        var quote = (await _quotes.GetAsync(Actor.For(_rita), id)).Quote;
        Assert.Equal((before, 1m, 0m), (quote.Version, quote.Lines[0].Quantity, quote.DiscountPercent));
    }

    [Fact]
    public async Task ASentQuoteIsReadOnlyAndOffersRevisingAndClosing()
    {
        var id = await DraftAsync(new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m));
        await _quotes.SendAsync(Actor.For(_rita), id, (await _quotes.GetAsync(Actor.For(_rita), id)).Quote.Version);

        var cut = RenderEditor(_rita, id);

        cut.WaitForAssertion(() => Assert.Equal("Sent", cut.Find("[data-testid=quote-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=quote-save], [data-testid=quote-send], [data-testid=quote-add-product], [data-testid=quote-line-remove]"));
        Assert.True(Input(cut, "quote-line-quantity", 0).HasAttribute("readonly"));
        Assert.True(Input(cut, "quote-discount-percent", 0).HasAttribute("readonly"));
        Assert.Equal(3, cut.FindAll("[data-testid=quote-revise], [data-testid=quote-accept], [data-testid=quote-reject]").Count);
    }

    [Fact]
    public async Task TheRepWaitsForApprovalWithoutTheButtons()
    {
        var id = await PendingApprovalAsync();

        var cut = RenderEditor(_rita, id);

        cut.WaitForAssertion(() => Assert.Contains("Waiting for a manager's approval of a discount of 20 %", cut.Find("[data-testid=quote-pending-approval]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=quote-approve], [data-testid=quote-reject-approval]"));
    }

    [Fact]
    public async Task TheOwnersManagerSeesApproveAndReject()
    {
        var id = await PendingApprovalAsync();

        var cut = RenderEditor(_martin, id);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=quote-approve]")));
        Assert.Single(cut.FindAll("[data-testid=quote-reject-approval]"));
        Assert.Contains("Approval requested for a discount of 20 %", cut.Find("[data-testid=quote-pending-approval]").TextContent);
    }

    [Fact]
    public async Task AnOverLimitDiscountShowsTheApprovalHintAsItIsTyped()
    {
        var id = await DraftAsync(new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m));
        var cut = RenderEditor(_rita, id);
        cut.WaitForElement("[data-testid=quote-total]");
        Assert.Empty(cut.FindAll("[data-testid=quote-approval-hint]"));

        Input(cut, "quote-line-discount-percent", 0).Input("15");

        cut.WaitForAssertion(() => Assert.Contains("above your limit of 10 %", cut.Find("[data-testid=quote-approval-hint]").TextContent));
    }

    [Fact]
    public async Task TheQuotesDealIsShownAndKeptWhenTheDraftIsSaved()
    {
        var stage = (await new PipelineStages(Database).ListAsync(Actor.System))[0].Id;
        var deal = await _deals.CreateAsync(Actor.For(_rita), new OpportunityDraft(_customer.Id, "Pumps for plant 2", 50000m, DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime).AddMonths(2), stage));
        var id = await _quotes.CreateDraftAsync(Actor.For(_rita), new QuoteDraft(
            _customer.Id, null, "en", [new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m)], OpportunityId: deal));
        var cut = RenderEditor(_rita, id);

        cut.WaitForAssertion(() => Assert.Contains("Pumps for plant 2", cut.Markup));
        Input(cut, "quote-line-quantity", 0).Input("2");
        cut.Find("[data-testid=quote-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2L, _quotes.GetAsync(Actor.For(_rita), id).GetAwaiter().GetResult().Quote.Version));
        Assert.Equal(deal, (await _quotes.GetAsync(Actor.For(_rita), id)).Quote.OpportunityId);
    }

    [Fact]
    public async Task ANewQuoteOpenedFromADealIsForThatDealAndItsCustomer()
    {
        var stage = (await new PipelineStages(Database).ListAsync(Actor.System))[0].Id;
        var closeDate = DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime).AddMonths(2);
        await _deals.CreateAsync(Actor.For(_rita), new OpportunityDraft(_customer.Id, "Valves for plant 1", 8000m, closeDate, stage));
        var deal = await _deals.CreateAsync(Actor.For(_rita), new OpportunityDraft(_customer.Id, "Pumps for plant 2", 50000m, closeDate, stage));
        SignIn(_rita);
        Render<MudPopoverProvider>();

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/quotes/new?customerId={_customer.Id}&opportunityId={deal}");
        var cut = Render<QuoteEditorPage>();

        cut.WaitForAssertion(() => Assert.StartsWith("Pumps for plant 2", cut.Find("[data-testid=quote-opportunity]").TextContent));
        Assert.Contains("上海华联有限公司", cut.Markup);
    }

    private QuoteTotals Expected(decimal pumpQuantity, decimal valveDiscountPercent, decimal quoteDiscount) =>
        QuotePricing.Calculate(new PricingInput(
            [new PricingLine(pumpQuantity, 1000m, 13m), new PricingLine(2m, 99.99m, 6m) { DiscountPercent = valveDiscountPercent }])
        { DiscountAmount = quoteDiscount });

    private static string Money(decimal amount) => MoneyText.Format(amount, "¥", CultureInfo.CurrentCulture);

    private Task<int> ProductAsync(string sku, decimal price, decimal taxRate = 13m) =>
        _catalog.CreateAsync(Actor.For(_martin), new ProductDetails(sku, "Product " + sku, null, "Pumps", "台", price, 1m, taxRate));

    private Task<int> DraftAsync(params QuoteLineInput[] lines) =>
        _quotes.CreateDraftAsync(Actor.For(_rita), new QuoteDraft(_customer.Id, null, "en", lines));

    private async Task<int> PendingApprovalAsync()
    {
        var id = await DraftAsync(new QuoteLineInput(await ProductAsync("PUMP", 1000m), 1m, DiscountPercent: 20m));
        var status = await _quotes.SendAsync(Actor.For(_rita), id, (await _quotes.GetAsync(Actor.For(_rita), id)).Quote.Version);
        Assert.Equal(QuoteStatus.PendingApproval, status);
        return id;
    }

    private IRenderedComponent<QuoteEditorPage> RenderEditor(AppUser user, int id)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<QuoteEditorPage>(p => p.Add(e => e.Id, id));
        cut.WaitForElement("[data-testid=quote-totals]");
        return cut;
    }

    private static IElement Input(IRenderedComponent<QuoteEditorPage> cut, string testId, int index) =>
        cut.FindAll($"[data-testid={testId}] input, input[data-testid={testId}]")[index];

    /// <summary>The field's whole control: its input, label and the message under it.</summary>
    private static string FieldText(IRenderedComponent<QuoteEditorPage> cut, string testId, int index) =>
        Input(cut, testId, index).Closest(".mud-input-control")!.TextContent;
}
