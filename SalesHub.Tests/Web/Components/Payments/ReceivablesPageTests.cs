using Bunit;
using MudBlazor;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Payments;
using static SalesHub.Tests.Web.Components.Payments.PaymentTestCompany;

namespace SalesHub.Tests.Web.Components.Payments;

public sealed class ReceivablesPageTests : ComponentTest
{
    private readonly PaymentTestCompany _company;

    public ReceivablesPageTests() => _company = new PaymentTestCompany(Database, Services, "深圳应收客户");

    [Fact]
    public async Task AManagerSeesTheTeamsReceivablesPerRepAndARepRowNarrowsTheOrders()
    {
        var ritas = await _company.ConfirmedOrderAsync(_company.Rita, 100m);
        var martins = await _company.ConfirmedOrderAsync(_company.Martin, 200m);

        var cut = Open(_company.Martin);

        Assert.Equal(Money(339m), cut.Find("[data-testid=receivables-outstanding]").TextContent.Trim());
        Assert.Equal(["Martin", "Rita"], cut.FindAll("[data-testid=receivable-group-name]").Select(n => n.TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=receivable-order]").Count));

        cut.FindAll("[data-testid=receivables-totals] tbody tr")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal([ritas.Number], cut.FindAll("[data-testid=receivable-order]").Select(o => o.TextContent.Trim())));
        cut.WaitForAssertion(() => Assert.Equal("Rita", cut.Find("[data-testid=receivables-group-filter]").TextContent.Trim()));
        Assert.Equal($"/orders/{ritas.Id}", cut.Find("[data-testid=receivable-order]").GetAttribute("href"));
        Assert.NotEqual(ritas.Id, martins.Id);
    }

    [Fact]
    public async Task ARepSeesOnlyTheirOwnAndTheCustomerTabSumsPerCustomer()
    {
        await _company.ConfirmedOrderAsync(_company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Martin, 200m);

        var cut = Open(_company.Rita);
        cut.Find("[data-testid=tab-by-customer]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["深圳应收客户"], cut.FindAll("[data-testid=receivable-group-name]").Select(n => n.TextContent.Trim())));
        Assert.Equal([Money(113m)], cut.FindAll("[data-testid=receivable-group-outstanding]").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public async Task OverdueOnlyKeepsTheOrdersWithAnInstalmentPastDue()
    {
        var late = await _company.ConfirmedOrderAsync(_company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Rita, 50m);
        await _company.Payments.SetPlanAsync(Actor.For(_company.Rita), late.Id, [new InstalmentInput(_company.Today.AddDays(3), 60m)], 0);
        Database.Clock.Advance(TimeSpan.FromDays(5));
        var cut = Open(_company.Rita);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=receivable-order]").Count));

        cut.Find("input[data-testid=receivables-overdue-only], [data-testid=receivables-overdue-only] input").Change(true);

        cut.WaitForAssertion(() => Assert.Equal([late.Number], cut.FindAll("[data-testid=receivable-order]").Select(o => o.TextContent.Trim())));
        cut.WaitForAssertion(() => Assert.Equal(Money(60m), cut.Find("[data-testid=receivables-overdue]").TextContent.Trim()));
        Assert.Equal(Money(60m), cut.Find("[data-testid=receivable-overdue]").TextContent.Trim());
    }

    [Fact]
    public async Task APaymentRecordedElsewhereLowersTheOutstandingAmountAtOnce()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Rita, 100m);
        var cut = Open(_company.Martin);
        cut.WaitForAssertion(() => Assert.Equal(Money(113m), cut.Find("[data-testid=receivable-outstanding]").TextContent.Trim()));

        await _company.PayAsync(order.Id, 13m, method: PaymentMethod.Cash);

        cut.WaitForAssertion(() => Assert.Equal((Money(100m), Money(100m)),
            (cut.Find("[data-testid=receivable-outstanding]").TextContent.Trim(), cut.Find("[data-testid=receivables-outstanding]").TextContent.Trim())));
    }

    private IRenderedComponent<ReceivablesPage> Open(AppUser user)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<ReceivablesPage>();
        cut.WaitForElement("[data-testid=receivables-outstanding]");
        return cut;
    }
}
