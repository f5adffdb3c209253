using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Orders;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class OrderEditorPageTests : ComponentTest
{
    private readonly OrderTestCompany _company;
    private readonly OrderBook _orders;

    public OrderEditorPageTests()
    {
        _company = new OrderTestCompany(Database, "上海华联有限公司");
        _orders = _company.Orders;
        Services.AddSingleton(_company.Settings);
        Services.AddSingleton(_orders);
        Services.AddSingleton(_company.Catalog);
        Services.AddSingleton(new StockLevels(Database));
        Services.AddSingleton(new SalesHub.Core.Catalog.PriceLists(Database));
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton(new CustomerContacts(Database));
        Services.AddSingleton<TimeProvider>(Database.Clock);
    }

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task ADraftsLinesChangeTheTotalAsTypedAndAreSaved()
    {
        var id = await OrderAsync(1m, 2m, 5m);
        var cut = Open(id);
        Assert.Contains("上海华联有限公司", Input(cut, "order-customer-fixed", 0).GetAttribute("value"));

        Input(cut, "quote-line-quantity", 0).Input("3");
        cut.WaitForAssertion(() => Assert.Equal(Total(3m, 2m, 5m), cut.Find("[data-testid=quote-total]").TextContent));
        cut.FindAll("[data-testid=quote-line-remove]")[2].Click();

        cut.WaitForAssertion(() => Assert.Equal(Total(3m, 2m), cut.Find("[data-testid=quote-total]").TextContent));
        cut.Find("[data-testid=order-save]").Click();
        cut.WaitForAssertion(() => Assert.EndsWith($"/orders/{id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        var order = await GetAsync(id);
        Assert.Equal((2L, OrderStatus.Draft), (order.Version, order.Status));
        Assert.Equal([3m, 2m], order.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        Assert.Equal(QuotePricing.Calculate(order.ToPricing()).Total, order.Total);
    }

    [Fact]
    public async Task BadInputIsRefusedBesideTheFieldAndNothingIsSaved()
    {
        var id = await OrderAsync(1m);
        var cut = Open(id);

        Input(cut, "quote-line-quantity", 0).Input("-2");
        cut.Find("[data-testid=order-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The quantity cannot be negative.", Input(cut, "quote-line-quantity", 0).Closest(".mud-input-control")!.TextContent));
        Assert.Equal((1L, 1m), ((await GetAsync(id)).Version, (await GetAsync(id)).Lines[0].Quantity));
    }

    [Fact]
    public async Task AStaleSaveShowsWhatChangedKeepsWhatWasTypedAndSavesItNext()
    {
        var id = await OrderAsync(1m);
        var cut = Open(id);
        Input(cut, "quote-line-quantity", 0).Input("4");
        var order = await GetAsync(id);
        await _orders.UpdateDraftAsync(Actor.For(_company.Martin), id, new OrderDraft(
            order.CustomerId, null, "en", [new QuoteLineInput(order.Lines[0].ProductId, 1m)], Notes: "Call before delivery", OrderDate: order.OrderDate), order.Version);

        cut.Find("[data-testid=order-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Call before delivery", cut.Find("[data-testid=order-conflict]").TextContent));
        Assert.Equal("4", Input(cut, "quote-line-quantity", 0).GetAttribute("value"));
        Assert.Equal(1m, (await GetAsync(id)).Lines[0].Quantity);

        cut.Find("[data-testid=order-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(4m, GetAsync(id).GetAwaiter().GetResult().Lines[0].Quantity));
        Assert.Equal(3L, (await GetAsync(id)).Version);
    }

    [Fact]
    public async Task AConfirmedOrderCannotBeEdited()
    {
        var id = await OrderAsync(1m);
        await _orders.ConfirmAsync(Rita, id, 1);
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();

        var cut = Render<OrderEditorPage>(p => p.Add(e => e.Id, id));

        cut.WaitForElement("[data-testid=order-read-only]");
        Assert.Empty(cut.FindAll("[data-testid=order-save]"));
    }

    private async Task<Order> GetAsync(int id) => (await _orders.GetAsync(Rita, id)).Order;

    private async Task<int> OrderAsync(params decimal[] quantities)
    {
        var lines = new List<QuoteLineInput>();
        for (var i = 0; i < quantities.Length; i++)
        {
            lines.Add(new QuoteLineInput(await _company.ProductAsync($"P-{i}", 100m * (i + 1)), quantities[i]));
        }

        return await _orders.CreateAsync(Rita, new OrderDraft(_company.Customer.Id, null, "en", lines));
    }

    /// <summary>What the pricing engine makes of the test's products (100, 200, 300…, 13% tax) in these quantities, as the page shows money.</summary>
    private static string Total(params decimal[] quantities) =>
        SalesHub.Web.Localization.MoneyText.Format(
            QuotePricing.Calculate(new PricingInput([.. quantities.Select((q, i) => new PricingLine(q, 100m * (i + 1), 13m))])).Total,
            "¥", System.Globalization.CultureInfo.CurrentCulture);

    private IRenderedComponent<OrderEditorPage> Open(int id)
    {
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        var cut = Render<OrderEditorPage>(p => p.Add(e => e.Id, id));
        cut.WaitForElement("[data-testid=quote-totals]");
        return cut;
    }

    private static IElement Input(IRenderedComponent<OrderEditorPage> cut, string testId, int index) =>
        cut.FindAll($"[data-testid={testId}] input, input[data-testid={testId}]")[index];
}
