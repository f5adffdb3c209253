using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Components.Orders;
using SalesHub.Web.Components.Pages.Payments;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Components.Payments;

public sealed class PaymentListTests : ComponentTest
{
    private readonly OrderTestCompany _company;
    private readonly PaymentBook _payments;

    public PaymentListTests()
    {
        _company = new OrderTestCompany(Database, "杭州收款客户");
        _payments = new PaymentBook(Database, Database.Clock);
        Services.AddSingleton(_company.Settings);
        Services.AddSingleton(_payments);
        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
    }

    private DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ItListsThePaymentsNewestFirstAndShowsOneRecordedElsewhereAtOnce()
    {
        var rita = Actor.For(_company.Rita);
        var product = await _company.ProductAsync("PL-1");
        var order = await _company.Orders.CreateAsync(rita, new OrderDraft(_company.Customer.Id, null, "en", [new QuoteLineInput(product, 1m)]));
        await _company.Orders.ConfirmAsync(rita, order, 1);
        await _payments.RecordAsync(rita, new PaymentInput(order, Today.AddDays(-3), 10m, PaymentMethod.Cash));
        SignIn(_company.Martin);
        Render<MudPopoverProvider>();

        var cut = Render<PaymentList>();
        cut.WaitForAssertion(() => Assert.Equal([Money(10m)], Amounts(cut)));
        await _payments.RecordAsync(rita, new PaymentInput(order, Today, 25.5m, PaymentMethod.WeChatPay));

        cut.WaitForAssertion(() => Assert.Equal([Money(25.5m), Money(10m)], Amounts(cut)));
        Assert.All(cut.FindAll("[data-testid=payment-row-order]"), link => Assert.Equal($"/orders/{order}", link.GetAttribute("href")));
    }

    private static string Money(decimal amount) => MoneyText.Format(amount, "¥", CultureInfo.CurrentCulture);

    private static string[] Amounts(IRenderedComponent<PaymentList> cut) =>
        [.. cut.FindAll("[data-testid=payment-row-amount]").Select(a => a.TextContent.Trim())];
}
