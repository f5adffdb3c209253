using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class OrderTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task AQuoteBecomesAnOrderThatShipsAndIsPaidWhileTheManagerSeesStockAndOrderChangeLive() => browser.RunAsync(nameof(AQuoteBecomesAnOrderThatShipsAndIsPaidWhileTheManagerSeesStockAndOrderChangeLive), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var martin = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var quotes = browser.App.Services.GetRequiredService<QuoteBook>();
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var sku = "E2E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var product = await browser.App.Services.GetRequiredService<ProductCatalog>().CreateAsync(martin, new ProductDetails(sku, "Booster pump", "增压泵", null, "pcs", 1500m, 900m));
        await browser.App.Services.GetRequiredService<StockLedger>().ReceiveAsync(martin, new StockReceipt(product, Warehouse.MainId, 10m));
        var quoteId = await quotes.CreateDraftAsync(rita, new QuoteDraft(customer.Id, null, "en", [new QuoteLineInput(product, 2m)]));
        Assert.Equal(QuoteStatus.Sent, await quotes.SendAsync(rita, quoteId, 1));

        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/quotes/{quoteId}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("quote-accept").ClickAsync();
        await Expect(rep.GetByTestId("quote-status")).ToHaveTextAsync("Accepted");
        await rep.GetByTestId("quote-make-order").ClickAsync();
        await rep.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/orders/", StringComparison.Ordinal));
        var orderId = (await browser.App.Services.GetRequiredService<OrderBook>().ListAsync(rita, new OrderQuery { QuoteId = quoteId })).Items.Single().Id;
        Assert.Equal($"/orders/{orderId}", new Uri(rep.Url).AbsolutePath);
        await Expect(rep.GetByTestId("order-status")).ToHaveTextAsync("Draft");

        // The manager watches the product's stock in one tab and the order in another.
        var stock = await session.SignInAsync(DemoCompany.ManagerEmail);
        await stock.GotoAsync($"/stock/{product}");
        await BrowserSession.WaitUntilInteractiveAsync(stock);
        await Expect(stock.GetByTestId("stock-history-available")).ToHaveTextAsync(["10", "0"]);
        var order = await stock.Context.NewPageAsync();
        await order.GotoAsync($"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(order);
        await Expect(order.GetByTestId("order-status")).ToHaveTextAsync("Draft");

        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("order-confirm").ClickAsync();
        await Expect(order.GetByTestId("order-status")).ToHaveTextAsync("Confirmed");
        await Expect(stock.GetByTestId("stock-history-available")).ToHaveTextAsync(["8", "0"]);
        await Expect(stock.GetByTestId("stock-history-on-hand")).ToHaveTextAsync(["10", "0"]);

        await rep.GetByTestId("order-ship").ClickAsync();
        await Expect(BrowserSession.Input(rep, "ship-quantity")).ToHaveValueAsync("2");
        await rep.GetByTestId("ship-confirm").ClickAsync();
        await Expect(rep.GetByTestId("ship-dialog")).ToBeHiddenAsync();
        await Expect(order.GetByTestId("order-status")).ToHaveTextAsync("Shipped");
        await Expect(order.GetByTestId("order-line-remaining")).ToHaveTextAsync("0");
        await Expect(stock.GetByTestId("stock-history-on-hand")).ToHaveTextAsync(["8", "0"]);
        await Expect(stock.GetByTestId("stock-movement-kind").First).ToHaveTextAsync("Shipment");

        var total = (await browser.App.Services.GetRequiredService<OrderBook>().GetAsync(rita, orderId)).Order.Total;
        await Expect(order.GetByTestId("payments-outstanding")).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(total));
        await rep.GetByTestId("payments-record").ClickAsync();
        await Expect(BrowserSession.Input(rep, "payment-amount-input")).ToHaveValueAsync(total.ToString("0.##", CultureInfo.InvariantCulture));
        await BrowserSession.Input(rep, "payment-reference").FillAsync("TT-2026-118");
        await rep.GetByTestId("payment-save").ClickAsync();
        await Expect(rep.GetByTestId("record-payment-dialog")).ToBeHiddenAsync();
        await Expect(order.GetByTestId("payments-paid")).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(total));
        await Expect(order.GetByTestId("payments-outstanding")).ToHaveTextAsync(await browser.App.Services.MoneyTextAsync(0m));

        await rep.GetByTestId("order-complete").ClickAsync();
        await Expect(rep.GetByTestId("order-status")).ToHaveTextAsync("Completed");
        await Expect(order.GetByTestId("order-status")).ToHaveTextAsync("Completed");
        var balance = await browser.App.Services.GetRequiredService<PaymentBook>().GetBalanceAsync(rita, orderId);
        Assert.Equal((OrderStatus.Completed, total, 0m), (balance.OrderStatus, balance.Paid, balance.Outstanding));

        await rep.GotoAsync($"/quotes/{quoteId}");
        await Expect(rep.GetByTestId("quote-order-link")).ToHaveAttributeAsync("href", $"/orders/{orderId}");
    });

    [Fact]
    public Task OnAPhoneTheOrderListAndAnOrderFitTheScreen() => browser.RunAsync(nameof(OnAPhoneTheOrderListAndAnOrderFitTheScreen), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var product = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Search = "MTR-Y2-7.5" })).Items.Single();
        var orderId = await browser.App.Services.GetRequiredService<OrderBook>().CreateAsync(rita, new OrderDraft(customer.Id, null, "zh-CN", [new QuoteLineInput(product.Id, 3m)]));
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);

        foreach (var path in new[] { "/orders", $"/orders/{orderId}" })
        {
            await page.GotoAsync(path);
            await BrowserSession.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByTestId(path == "/orders" ? "order-row-number" : "order-confirm").First).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} scrolls sideways on a phone ({width}px wide).");
        }
    });

    [Fact]
    public Task ARepEntersAnOrderDirectlyFromACustomersProfile() => browser.RunAsync(nameof(ARepEntersAnOrderDirectlyFromACustomersProfile), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var page = await session.SignInAsync(DemoCompany.Rep1Email);
        await page.GotoAsync($"/customers/{customer.Id}");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("tab-purchases").ClickAsync();
        await page.GetByTestId("customer-order-new").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/orders/new");
        await BrowserSession.WaitUntilInteractiveAsync(page);
        await Expect(BrowserSession.Input(page, "order-customer")).ToHaveValueAsync(customer.Name);

        await BrowserSession.Input(page, "quote-add-product").FillAsync("MTR-Y2-7.5");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "MTR-Y2-7.5" }).First.ClickAsync();
        await BrowserSession.Input(page, "quote-line-quantity").FillAsync("4");
        await page.GetByTestId("order-save").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/orders/new");
        var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var order = (await browser.App.Services.GetRequiredService<OrderBook>().GetAsync(rita, id)).Order;
        Assert.Equal((customer.Id, null, 4m), (order.CustomerId, order.QuoteId, order.Lines.Single().Quantity));
        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Draft");
        await Expect(page.GetByTestId("order-quote-none")).ToBeVisibleAsync();
    });
}
