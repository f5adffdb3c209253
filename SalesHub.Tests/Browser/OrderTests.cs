using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class OrderTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ARepTakesAnAcceptedQuoteThroughItsOrderWhileTheManagerWatchesLive() => browser.RunAsync(nameof(ARepTakesAnAcceptedQuoteThroughItsOrderWhileTheManagerWatchesLive), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var quotes = browser.App.Services.GetRequiredService<QuoteBook>();
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var product = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Search = "MTR-Y2-7.5" })).Items.Single();
        var quoteId = await quotes.CreateDraftAsync(rita, new QuoteDraft(customer.Id, null, "en", [new QuoteLineInput(product.Id, 2m)]));
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

        var manager = await session.SignInAsync(DemoCompany.ManagerEmail);
        await manager.GotoAsync($"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(manager);
        await Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Draft");

        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("order-confirm").ClickAsync();
        await Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Confirmed");

        await rep.GetByTestId("order-ship").ClickAsync();
        await Expect(BrowserSession.Input(rep, "ship-quantity")).ToHaveValueAsync("2");
        await rep.GetByTestId("ship-confirm").ClickAsync();
        await Expect(rep.GetByTestId("ship-dialog")).ToBeHiddenAsync();
        await Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Shipped");
        await Expect(manager.GetByTestId("order-line-remaining")).ToHaveTextAsync("0");

        await rep.GetByTestId("order-complete").ClickAsync();
        await Expect(rep.GetByTestId("order-status")).ToHaveTextAsync("Completed");
        await Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Completed");
        Assert.Equal(OrderStatus.Completed, (await browser.App.Services.GetRequiredService<OrderBook>().GetAsync(rita, orderId)).Order.Status);

        await rep.GotoAsync($"/quotes/{quoteId}");
        await Expect(rep.GetByTestId("quote-order-link")).ToHaveAttributeAsync("href", $"/orders/{orderId}");
    });

    [Fact]
    public Task ARepEditsADraftOrdersLineQuantityAndConfirmsIt() => browser.RunAsync(nameof(ARepEditsADraftOrdersLineQuantityAndConfirmsIt), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var martin = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var sku = "EDIT-" + Guid.NewGuid().ToString("N")[..8];
        var product = await browser.App.Services.GetRequiredService<ProductCatalog>().CreateAsync(martin, new ProductDetails(sku, "Gear pump " + sku, null, null, "pcs", 500m, 300m));
        await browser.App.Services.GetRequiredService<StockLedger>().ReceiveAsync(martin, new StockReceipt(product, Warehouse.MainId, 10m));
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var orders = browser.App.Services.GetRequiredService<OrderBook>();
        var orderId = await orders.CreateAsync(rita, new OrderDraft(customer.Id, null, "en", [new QuoteLineInput(product, 2m)]));

        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("order-edit").ClickAsync();
        await rep.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/orders/{orderId}/edit");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        var total = await rep.GetByTestId("quote-total").TextContentAsync();
        await BrowserSession.Input(rep, "quote-line-quantity").FillAsync("3");
        await Expect(rep.GetByTestId("quote-total")).Not.ToHaveTextAsync(total!);
        await rep.GetByTestId("order-save").ClickAsync();

        await rep.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await Expect(rep.GetByTestId("order-line-quantity")).ToHaveTextAsync("3 pcs");
        await rep.GetByTestId("order-confirm").ClickAsync();
        await Expect(rep.GetByTestId("order-status")).ToHaveTextAsync("Confirmed");
        await Expect(rep.GetByTestId("order-edit")).ToHaveCountAsync(0);
        await Expect(rep.GetByTestId("order-line-reserved")).ToHaveTextAsync("3");

        var order = (await orders.GetAsync(rita, orderId)).Order;
        Assert.Equal((OrderStatus.Confirmed, 3m, 3m), (order.Status, order.Lines.Single().Quantity, order.Lines.Single().ReservedQuantity));
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
