using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Notifications;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class NotificationTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private T Get<T>()
        where T : notnull => browser.App.Services.GetRequiredService<T>();

    [Fact]
    public Task AManagerOnAPhoneHearsOfAQuoteWaitingForApprovalAndOpensIt() => browser.RunAsync(nameof(AManagerOnAPhoneHearsOfAQuoteWaitingForApprovalAndOpensIt), async session =>
    {
        var managerActor = await browser.App.ActorForAsync(DemoCompany.ManagerEmail);
        var unreadBefore = await Get<NotificationInbox>().CountUnreadAsync(managerActor);
        var manager = await session.SignInAsync(DemoCompany.ManagerEmail, viewport: BrowserSession.Phone);

        var (quoteId, number) = await SendAQuoteAboveTheRepsLimitAsync();

        var badge = manager.GetByTestId("notification-count").Locator(".mud-badge");
        await Expect(badge).ToHaveTextAsync((unreadBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(manager.Locator(".mud-snackbar")).ToContainTextAsync(number);
        await manager.GetByTestId("notification-bell").Locator("button").ClickAsync();
        var newest = manager.GetByTestId("notification-item").First;
        await Expect(newest).ToContainTextAsync($"Rita Rep asks you to approve quote {number}");
        var box = await manager.Locator(".notification-menu").BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= BrowserSession.Phone.Width, $"The menu should fit the phone's width: {box?.X} + {box?.Width}");

        await newest.ClickAsync();

        await manager.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/quotes/{quoteId}");
        Assert.Equal(unreadBefore, await Get<NotificationInbox>().CountUnreadAsync(managerActor));
    });

    /// <summary>Rita (a rep of the manager's team) sends a quote 20 % off one of her customers: above a rep's 10 %.</summary>
    private async Task<(int Id, string Number)> SendAQuoteAboveTheRepsLimitAsync()
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await Get<CustomerDirectory>().ListAsync(rita, new CustomerQuery { OwnerId = rita.UserId, PageSize = 1 })).Items[0];
        var product = (await Get<ProductCatalog>().ListAsync(rita, new ProductQuery { Active = true, PageSize = 1 })).Items[0];
        var quotes = Get<QuoteBook>();
        var id = await quotes.CreateDraftAsync(rita, new QuoteDraft(customer.Id, null, "en", [new QuoteLineInput(product.Id, 2m, DiscountPercent: 20m)]));
        var draft = (await quotes.GetAsync(rita, id)).Quote;
        Assert.Equal(QuoteStatus.PendingApproval, await quotes.SendAsync(rita, id, draft.Version));
        return (id, draft.Number);
    }
}
