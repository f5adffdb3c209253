using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Orders;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class OrderListTests : ComponentTest
{
    private readonly AppUser _rita;
    private readonly Customer _acme;
    private readonly Customer _huayuan;
    private readonly OrderBook _orders;
    private readonly int _product;

    public OrderListTests()
    {
        var company = new OrderTestCompany(Database, "Acme Trading");
        (_rita, _acme, _orders) = (company.Rita, company.Customer, company.Orders);
        _huayuan = company.Builder.AddCustomer(_rita, "华源机电");
        _product = company.ProductAsync("PUMP").GetAwaiter().GetResult();
        Services.AddSingleton(company.Settings);
        Services.AddSingleton(_orders);
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
    }

    [Fact]
    public async Task TheListShowsTheOrdersAndFiltersThemByStatusAndSearch()
    {
        var draft = await OrderAsync(_acme);
        var confirmed = await OrderAsync(_huayuan);
        await _orders.ConfirmAsync(Actor.For(_rita), confirmed, (await _orders.GetAsync(Actor.For(_rita), confirmed)).Order.Version);
        var cut = RenderList();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=order-row-number]").Count));

        cut.Find("input[data-testid=orders-search], [data-testid=orders-search] input").Input("华源");

        cut.WaitForAssertion(() => Assert.Equal(["华源机电"], Customers(cut)));
        Assert.Equal("Confirmed", cut.Find("[data-testid=order-row-status]").TextContent.Trim());
        Assert.NotEqual(draft, confirmed);
    }

    [Fact]
    public async Task ANewOrderAndAShownOrdersChangeShowAtOnce()
    {
        var first = await OrderAsync(_acme);
        var cut = RenderList();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=order-row-number]")));

        await OrderAsync(_huayuan);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=order-row-number]").Count));

        await _orders.ConfirmAsync(Actor.For(_rita), first, (await _orders.GetAsync(Actor.For(_rita), first)).Order.Version);
        cut.WaitForAssertion(() => Assert.Contains("Confirmed", cut.FindAll("[data-testid=order-row-status]").Select(s => s.TextContent.Trim())));
    }

    private Task<int> OrderAsync(Customer customer) =>
        _orders.CreateAsync(Actor.For(_rita), new OrderDraft(customer.Id, null, "en", [new QuoteLineInput(_product, 1m)]));

    private static string[] Customers(IRenderedComponent<OrderList> cut) =>
        [.. cut.FindAll("[data-testid=order-row-customer]").Select(c => c.TextContent.Trim())];

    private IRenderedComponent<OrderList> RenderList()
    {
        SignIn(_rita);
        Render<MudPopoverProvider>();
        return Render<OrderList>();
    }
}
