using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class PaymentTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ARepRecordsAPaymentAndTheManagersReceivablesDropWithoutAReload() => browser.RunAsync(nameof(ARepRecordsAPaymentAndTheManagersReceivablesDropWithoutAReload), async session =>
    {
        var orderId = await ConfirmedOrderAsync();
        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await manager.GotoAsync("/receivables");
        await BrowserSession.WaitUntilInteractiveAsync(manager);
        var rita = await browser.App.UserAsync(DemoCompany.Rep1Email);
        var before = (await browser.App.Services.GetRequiredService<Receivables>()
            .TotalsAsync(await browser.App.ActorForAsync(DemoCompany.ManagerEmail), ReceivableGrouping.Owner, new ReceivableQuery()))
            .Items.Single(t => t.Id == rita.Id).Outstanding;
        var ritasRow = manager.GetByTestId("receivables-totals").Locator("tr", new() { HasText = rita.DisplayName }).GetByTestId("receivable-group-outstanding");
        await Expect(ritasRow).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(before));

        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("payments-record").ClickAsync();
        await BrowserSession.Input(rep, "payment-amount-input").FillAsync("100");
        await BrowserSession.Input(rep, "payment-reference").FillAsync("WX-100");
        await rep.GetByTestId("payment-save").ClickAsync();
        await Expect(rep.GetByTestId("record-payment-dialog")).ToBeHiddenAsync();

        await Expect(ritasRow).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(before - 100m));
        await Expect(rep.GetByTestId("payments-paid")).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(100m));
    });

    [Fact]
    public Task OnAPhoneTheReceivablesThePaymentsAndTheOrdersMoneyFitTheScreen() => browser.RunAsync(nameof(OnAPhoneTheReceivablesThePaymentsAndTheOrdersMoneyFitTheScreen), async session =>
    {
        var orderId = await ConfirmedOrderAsync();
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);

        foreach (var (path, shown) in new[] { ("/receivables", "receivables-totals"), ("/payments", "payments-grid"), ($"/orders/{orderId}", "payments-record") })
        {
            await page.GotoAsync(path);
            await BrowserSession.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByTestId(shown).First).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} scrolls sideways on a phone ({width}px wide).");
        }
    });

    /// <summary>A confirmed order of rep1's, one motor for their first customer.</summary>
    private async Task<int> ConfirmedOrderAsync()
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var product = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Search = "MTR-Y2-7.5" })).Items.Single();
        var orders = browser.App.Services.GetRequiredService<OrderBook>();
        var id = await orders.CreateAsync(rita, new OrderDraft(customer.Id, null, "en", [new QuoteLineInput(product.Id, 1m)]));
        await orders.ConfirmAsync(rita, id, 1);
        return id;
    }
}
