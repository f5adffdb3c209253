using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Orders.Components;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class OrderPaymentsTests : ComponentTest
{
    private readonly OrderTestCompany _company;
    private readonly PaymentBook _payments;

    public OrderPaymentsTests()
    {
        _company = new OrderTestCompany(Database, "广州回款客户");
        _payments = new PaymentBook(Database, Database.Clock);
        Services.AddSingleton(_company.Settings);
        Services.AddSingleton(_payments);
        Services.AddSingleton<TimeProvider>(Database.Clock);
    }

    private DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ItShowsTheBalancesThePlanWithAnOverdueInstalmentAndThePayments()
    {
        var id = await ConfirmedOrderAsync();
        await _payments.SetPlanAsync(Actor.For(_company.Rita), id, [new InstalmentInput(Today.AddDays(5), 50m), new InstalmentInput(Today.AddDays(30), 63m)], 0);
        await PayAsync(id, 20m, "TX-20");
        Database.Clock.Advance(TimeSpan.FromDays(10));

        var cut = Open(_company.Rita, id);

        Assert.Equal([Money(113m), Money(20m), Money(93m), Money(0m), Money(30m)],
            new[] { "total", "paid", "outstanding", "credit", "overdue" }.Select(k => cut.Find($"[data-testid=payments-{k}]").TextContent.Trim()));
        Assert.Equal(["Overdue", "Open"], cut.FindAll("[data-testid=instalment-status]").Select(c => c.TextContent.Trim()));
        Assert.Equal([Money(20m)], cut.FindAll("[data-testid=payment-amount]").Select(a => a.TextContent.Trim()));
        Assert.Contains("TX-20", cut.Find("[data-testid=payments-list]").TextContent);
    }

    [Fact]
    public async Task APaymentAboveTheOutstandingAmountIsRefusedBesideTheAmountAndNothingIsRecorded()
    {
        var id = await ConfirmedOrderAsync();
        var cut = Open(_company.Rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=payments-record]").Click();
        var amount = dialogs.WaitForElement("input[data-testid=payment-amount-input], [data-testid=payment-amount-input] input");
        Assert.Equal(113m, decimal.Parse(amount.GetAttribute("value")!, CultureInfo.CurrentCulture));

        amount.Input("150");
        dialogs.Find("[data-testid=payment-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("still outstanding on this order", amount.Closest(".mud-input-control")!.TextContent));
        Assert.Equal(0, (await _payments.ListAsync(Actor.For(_company.Rita), new PaymentQuery { OrderId = id })).Total);
    }

    [Fact]
    public async Task ARecordedPaymentShowsInTheBalanceAndCanBeReversedWithAReason()
    {
        var id = await ConfirmedOrderAsync();
        var cut = Open(_company.Rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=payments-record]").Click();
        dialogs.WaitForElement("input[data-testid=payment-amount-input], [data-testid=payment-amount-input] input").Input("40");
        dialogs.Find("input[data-testid=payment-reference], [data-testid=payment-reference] input").Change("WX-40");
        dialogs.Find("[data-testid=payment-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(Money(73m), cut.Find("[data-testid=payments-outstanding]").TextContent.Trim()));
        cut.Find("[data-testid=payment-reverse]").Click();
        dialogs.WaitForElement("textarea[data-testid=reverse-reason], [data-testid=reverse-reason] textarea").Change("Bounced");
        dialogs.Find("[data-testid=reverse-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal(Money(113m), cut.Find("[data-testid=payments-outstanding]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=payment-reversed]"));
        Assert.Contains("Bounced", cut.Find("[data-testid=payment-reversal]").TextContent);
    }

    [Fact]
    public async Task APlanSavedFromAStaleViewIsAConflictAndThePanelShowsThePlanAsItIs()
    {
        var id = await ConfirmedOrderAsync();
        var cut = Open(_company.Rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=payments-edit-plan]").Click();
        dialogs.WaitForElement("[data-testid=plan-add]").Click();
        dialogs.Find("[data-testid=plan-add]").Click();
        dialogs.Find("[data-testid=plan-split]").Click();
        Assert.Equal([56.5m, 56.5m], dialogs.FindAll("input[data-testid=plan-amount], [data-testid=plan-amount] input")
            .Select(i => decimal.Parse(i.GetAttribute("value")!, CultureInfo.CurrentCulture)));

        await _payments.SetPlanAsync(Actor.For(_company.Martin), id, [new InstalmentInput(Today.AddDays(9), 113m)], 0);
        dialogs.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=payments-conflict]")));
        Assert.Equal([Money(113m)], cut.FindAll("[data-testid=instalment-amount]").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task SomeoneWhoMayOnlySeeTheOrderSeesItsMoneyButNoActions()
    {
        var id = await ConfirmedOrderAsync();
        await PayAsync(id, 13m, "TX-13");
        var sam = _company.Builder.AddUser(Roles.SalesRep, _company.Builder.AddTeam("West", _company.Builder.AddUser(Roles.SalesManager, name: "Wendy")), "Sam");
        await using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Customer), RecordId = _company.Customer.Id, UserId = sam.Id });
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Order), RecordId = id, UserId = sam.Id });
            await db.SaveChangesAsync();
        }

        var cut = Open(sam, id);

        Assert.Equal(Money(100m), cut.Find("[data-testid=payments-outstanding]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=payments-record], [data-testid=payments-edit-plan], [data-testid=payment-reverse]"));
    }

    private static string Money(decimal amount) => MoneyText.Format(amount, "¥", CultureInfo.CurrentCulture);

    private async Task<int> ConfirmedOrderAsync()
    {
        var rita = Actor.For(_company.Rita);
        var product = await _company.ProductAsync("PAY-" + Guid.NewGuid().ToString("N")[..6]);
        var id = await _company.Orders.CreateAsync(rita, new OrderDraft(_company.Customer.Id, null, "en", [new QuoteLineInput(product, 1m)]));
        await _company.Orders.ConfirmAsync(rita, id, 1);
        return id;
    }

    private Task<int> PayAsync(int orderId, decimal amount, string reference) =>
        _payments.RecordAsync(Actor.For(_company.Rita), new PaymentInput(orderId, Today, amount, PaymentMethod.BankTransfer, reference));

    private IRenderedComponent<OrderPayments> Open(AppUser user, int orderId)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<OrderPayments>(p => p.Add(c => c.OrderId, orderId));
        cut.WaitForElement("[data-testid=payments-outstanding]");
        return cut;
    }
}
