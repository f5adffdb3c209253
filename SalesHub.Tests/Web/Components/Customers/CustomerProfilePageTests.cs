using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Components.Orders;
using SalesHub.Web.Components.Pages.Customers;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class CustomerProfilePageTests : ComponentTest
{
    private readonly OrderTestCompany _company;

    public CustomerProfilePageTests()
    {
        _company = new OrderTestCompany(Database, "Acme Trading");
        Services.AddSingleton(_company.Settings);
        Services.AddSingleton(_company.Orders);
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
        Services.AddSingleton(new CustomerPurchases(Database));
    }

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task TheRevenueAndPurchasedProductsFollowTheCustomersConfirmedOrdersLive()
    {
        var pump = await _company.ProductAsync("PUMP", 1234.57m);
        var valve = await _company.ProductAsync("VALVE", 10.01m);
        var first = await ConfirmedOrderAsync(pump, 2m);
        var draft = await _company.Orders.CreateAsync(Rita, new OrderDraft(_company.Customer.Id, null, "en", [new QuoteLineInput(valve, 50m)]));
        var total = await TotalOfAsync(first);
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        var cut = Render<CustomerProfilePage>(p => p.Add(c => c.Id, _company.Customer.Id));
        cut.WaitForAssertion(() => Assert.Equal(Money(total), Figure(cut)));

        await _company.Orders.ConfirmAsync(Rita, draft, 1);

        var withDraft = total + await TotalOfAsync(draft);
        cut.WaitForAssertion(() => Assert.Equal(Money(withDraft), Figure(cut)));
        cut.Find("[data-testid=tab-purchases]").Closest(".mud-tab")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["PUMP", "VALVE"], Products(cut)));
        Assert.Equal(["2 台", "50 台"], cut.FindAll("[data-testid=purchased-quantity]").Select(e => e.TextContent.Trim()));

        await ConfirmedOrderAsync(valve, 1m);

        cut.WaitForAssertion(() => Assert.Equal(["51 台"], cut.FindAll("[data-testid=purchased-quantity]").Skip(1).Select(e => e.TextContent.Trim())));
    }

    private async Task<int> ConfirmedOrderAsync(int product, decimal quantity)
    {
        var id = await _company.Orders.CreateAsync(Rita, new OrderDraft(_company.Customer.Id, null, "en", [new QuoteLineInput(product, quantity)]));
        await _company.Orders.ConfirmAsync(Rita, id, 1);
        return id;
    }

    private async Task<decimal> TotalOfAsync(int order) => (await _company.Orders.GetAsync(Rita, order)).Order.Total;

    private static string Money(decimal amount) => MoneyText.Format(amount, "¥", CultureInfo.CurrentCulture);

    private static string Figure(IRenderedComponent<CustomerProfilePage> cut) => cut.Find("[data-testid=figure-revenue]").TextContent.Trim();

    private static IEnumerable<string> Products(IRenderedComponent<CustomerProfilePage> cut) =>
        cut.FindAll("[data-testid=purchased-product]").Select(e => e.TextContent.Split(' ')[0]);
}
