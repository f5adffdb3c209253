using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
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
        var company = new OrderTestCompany(Database, "Acme Trading");
        (_rita, _quotes, _orders) = (company.Rita, company.Quotes, company.Orders);
        var product = company.ProductAsync("PUMP").GetAwaiter().GetResult();
        _quoteId = _quotes.CreateDraftAsync(Actor.For(_rita), new QuoteDraft(company.Customer.Id, null, "en", [new QuoteLineInput(product, 2m)])).GetAwaiter().GetResult();
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
