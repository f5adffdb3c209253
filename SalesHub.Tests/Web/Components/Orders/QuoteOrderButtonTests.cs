using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Orders.Components;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class QuoteOrderButtonTests : ComponentTest
{
    private readonly AppUser _rita;
    private readonly QuoteBook _quotes;
    private readonly OrderBook _orders;
    private readonly int _quoteId;

    public QuoteOrderButtonTests()
    {
        var company = new CompanyBuilder(Database);
        var martin = company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = company.AddUser(Roles.SalesRep, company.AddTeam("East", martin), "Rita");
        var customer = company.AddCustomer(_rita, "Acme Trading");
        var settings = new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed);
        _quotes = new QuoteBook(Database, settings, Database.Clock);
        _orders = new OrderBook(Database, settings, Database.Clock);
        var product = new ProductCatalog(Database, new RecycleBin(Database)).CreateAsync(
            Actor.For(martin), new ProductDetails("PUMP", "Pump", null, "Pumps", "台", 100m, 1m, 13m)).GetAwaiter().GetResult();
        _quoteId = _quotes.CreateDraftAsync(Actor.For(_rita), new QuoteDraft(customer.Id, null, "en", [new QuoteLineInput(product, 2m)])).GetAwaiter().GetResult();
        _quotes.SendAsync(Actor.For(_rita), _quoteId, 1).GetAwaiter().GetResult();
        _quotes.AcceptAsync(Actor.For(_rita), _quoteId, 2).GetAwaiter().GetResult();
        Services.AddSingleton(_orders);
    }

    [Fact]
    public async Task MakingTheOrderOpensIt()
    {
        var cut = await RenderAsync(canEdit: true);

        cut.WaitForElement("[data-testid=quote-make-order]").Click();

        cut.WaitForAssertion(() => Assert.Single((_orders.ListAsync(Actor.For(_rita), new OrderQuery { QuoteId = _quoteId }).GetAwaiter().GetResult()).Items));
        var order = (await _orders.ListAsync(Actor.For(_rita), new OrderQuery { QuoteId = _quoteId })).Items.Single();
        cut.WaitForAssertion(() => Assert.EndsWith($"/orders/{order.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuoteAlreadyOrderedLinksToItsOrder()
    {
        var orderId = await _orders.CreateFromQuoteAsync(Actor.For(_rita), _quoteId);

        var cut = await RenderAsync(canEdit: true);

        cut.WaitForAssertion(() => Assert.Equal($"/orders/{orderId}", cut.Find("[data-testid=quote-order-link]").GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=quote-make-order]"));
    }

    [Fact]
    public async Task WhoMayNotChangeTheQuoteCannotMakeItsOrder()
    {
        var cut = await RenderAsync(canEdit: false);

        Assert.Empty(cut.FindAll("[data-testid=quote-make-order], [data-testid=quote-order-link]"));
    }

    private async Task<IRenderedComponent<QuoteOrderButton>> RenderAsync(bool canEdit)
    {
        var quote = (await _quotes.GetAsync(Actor.For(_rita), _quoteId)).Quote;
        SignIn(_rita);
        Render<MudPopoverProvider>();
        return Render<QuoteOrderButton>(p => p.Add(b => b.Quote, quote).Add(b => b.CanEdit, canEdit));
    }
}
