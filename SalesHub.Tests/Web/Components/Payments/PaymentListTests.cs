using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Payments;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Payments;
using static SalesHub.Tests.Web.Components.Payments.PaymentTestCompany;

namespace SalesHub.Tests.Web.Components.Payments;

public sealed class PaymentListTests : ComponentTest
{
    private readonly PaymentTestCompany _company;

    public PaymentListTests()
    {
        _company = new PaymentTestCompany(Database, Services, "杭州收款客户");
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
    }

    [Fact]
    public async Task ItListsThePaymentsNewestFirstAndShowsOneRecordedElsewhereAtOnce()
    {
        var order = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
        await _company.PayAsync(order, 10m, receivedOn: _company.Today.AddDays(-3), method: PaymentMethod.Cash);
        SignIn(_company.Martin);
        Render<MudPopoverProvider>();

        var cut = Render<PaymentList>();
        cut.WaitForAssertion(() => Assert.Equal([Money(10m)], Amounts(cut)));
        await _company.PayAsync(order, 25.5m, method: PaymentMethod.WeChatPay);

        cut.WaitForAssertion(() => Assert.Equal([Money(25.5m), Money(10m)], Amounts(cut)));
        Assert.All(cut.FindAll("[data-testid=payment-row-order]"), link => Assert.Equal($"/orders/{order}", link.GetAttribute("href")));
    }

    private static string[] Amounts(IRenderedComponent<PaymentList> cut) =>
        [.. cut.FindAll("[data-testid=payment-row-amount]").Select(a => a.TextContent.Trim())];
}
