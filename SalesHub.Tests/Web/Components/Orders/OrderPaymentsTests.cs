using Bunit;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Components.Payments;
using SalesHub.Web.Components.Pages.Orders.Components;
using static SalesHub.Tests.Web.Components.Payments.PaymentTestCompany;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class OrderPaymentsTests : ComponentTest
{
    private readonly PaymentTestCompany _company;

    public OrderPaymentsTests() => _company = new PaymentTestCompany(Database, Services, "广州回款客户");

    private PaymentBook Payments => _company.Payments;

    [Fact]
    public async Task ItShowsTheBalancesThePlanWithAnOverdueInstalmentAndThePayments()
    {
        var id = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
        await Payments.SetPlanAsync(Actor.For(_company.Rita), id, [new InstalmentInput(_company.Today.AddDays(5), 50m), new InstalmentInput(_company.Today.AddDays(30), 63m)], 0);
        await _company.PayAsync(id, 20m, "TX-20");
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
        var id = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
        var cut = Open(_company.Rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=payments-record]").Click();
        var amount = dialogs.WaitForElement("input[data-testid=payment-amount-input], [data-testid=payment-amount-input] input");
        Assert.Equal(113m, decimal.Parse(amount.GetAttribute("value")!, System.Globalization.CultureInfo.CurrentCulture));

        amount.Input("150");
        dialogs.Find("[data-testid=payment-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("still outstanding on this order", amount.Closest(".mud-input-control")!.TextContent));
        Assert.Equal(0, (await Payments.ListAsync(Actor.For(_company.Rita), new PaymentQuery { OrderId = id })).Total);
    }

    [Fact]
    public async Task ARecordedPaymentShowsInTheBalanceAndCanBeReversedWithAReason()
    {
        var id = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
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
        var id = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
        var cut = Open(_company.Rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=payments-edit-plan]").Click();
        dialogs.WaitForElement("[data-testid=plan-add]").Click();
        dialogs.Find("[data-testid=plan-add]").Click();
        dialogs.Find("[data-testid=plan-split]").Click();
        Assert.Equal([56.5m, 56.5m], dialogs.FindAll("input[data-testid=plan-amount], [data-testid=plan-amount] input")
            .Select(i => decimal.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.CurrentCulture)));

        await Payments.SetPlanAsync(Actor.For(_company.Martin), id, [new InstalmentInput(_company.Today.AddDays(9), 113m)], 0);
        dialogs.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=payments-conflict]")));
        Assert.Equal([Money(113m)], cut.FindAll("[data-testid=instalment-amount]").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task SomeoneWhoMayOnlySeeTheOrderSeesItsMoneyButNoActions()
    {
        var id = (await _company.ConfirmedOrderAsync(_company.Rita)).Id;
        await _company.PayAsync(id, 13m, "TX-13");
        var builder = _company.Orders.Builder;
        var sam = builder.AddUser(Roles.SalesRep, builder.AddTeam("West", builder.AddUser(Roles.SalesManager, name: "Wendy")), "Sam");
        await using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Customer), RecordId = _company.Orders.Customer.Id, UserId = sam.Id });
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Order), RecordId = id, UserId = sam.Id });
            await db.SaveChangesAsync();
        }

        var cut = Open(sam, id);

        Assert.Equal(Money(100m), cut.Find("[data-testid=payments-outstanding]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=payments-record], [data-testid=payments-edit-plan], [data-testid=payment-reverse]"));
    }

    private IRenderedComponent<OrderPayments> Open(AppUser user, int orderId)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<OrderPayments>(p => p.Add(c => c.OrderId, orderId));
        cut.WaitForElement("[data-testid=payments-outstanding]");
        return cut;
    }
}
