using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesHub.Core.Catalog;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesHub.Tests.Browser;

public sealed class ContractTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ARepWritesAContractFromAnOrderUploadsTheScanSignsItAndFindsItOnTheCustomersProfile() =>
        browser.RunAsync(nameof(ARepWritesAContractFromAnOrderUploadsTheScanSignsItAndFindsItOnTheCustomersProfile), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var customer = (await browser.App.Services.GetRequiredService<CustomerDirectory>().ListAsync(rita, new CustomerQuery { PageSize = 1 })).Items.Single();
        var product = (await browser.App.Services.GetRequiredService<ProductCatalog>().ListAsync(rita, new ProductQuery { Search = "MTR-Y2-7.5" })).Items.Single();
        var orderId = await browser.App.Services.GetRequiredService<OrderBook>().CreateAsync(rita, new OrderDraft(customer.Id, null, "en", [new QuoteLineInput(product.Id, 1m)]));
        var title = "Supply contract " + Guid.NewGuid().ToString("N")[..6];

        var rep = await session.SignInAsync(DemoCompany.Rep1Email);
        await rep.GotoAsync($"/orders/{orderId}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("contracts-section").GetByTestId("contract-new").ClickAsync();
        await BrowserSession.Input(rep, "contract-title").FillAsync(title);
        await BrowserSession.Input(rep, "contract-amount").FillAsync("68000");
        await rep.GetByTestId("contract-save").ClickAsync();

        await rep.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/contracts/", StringComparison.Ordinal));
        var contract = (await browser.App.Services.GetRequiredService<ContractBook>().ListAsync(rita, new ContractQuery { OrderId = orderId })).Items.Single();
        Assert.Equal(($"/contracts/{contract.Id}", title, 68_000m), (new Uri(rep.Url).AbsolutePath, contract.Title, contract.Amount));
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await Expect(rep.GetByTestId("contract-status")).ToHaveTextAsync("Draft");

        await rep.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "signed-scan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 signed"u8.ToArray() });
        await Expect(rep.GetByTestId("contract-file-download")).ToHaveTextAsync("signed-scan.pdf");

        await rep.GetByTestId("contract-sign").ClickAsync();
        await rep.GetByTestId("contract-step-confirm").ClickAsync();
        await Expect(rep.GetByTestId("contract-status")).ToHaveTextAsync("Active");
        Assert.Equal(ContractStatus.Active, (await browser.App.Services.GetRequiredService<ContractBook>().GetAsync(rita, contract.Id)).Status);
        await rep.GetByTestId("tab-history").ClickAsync();
        await Expect(rep.GetByTestId("history-entry")).ToHaveCountAsync(2);

        await rep.GotoAsync($"/customers/{customer.Id}");
        await BrowserSession.WaitUntilInteractiveAsync(rep);
        await rep.GetByTestId("tab-contracts").ClickAsync();
        var row = rep.GetByTestId("contracts-grid").Locator("tr", new LocatorLocatorOptions { HasText = contract.Number });
        await Expect(row.GetByTestId("contract-row-title")).ToHaveTextAsync(title);
        await Expect(row.GetByTestId("contract-row-status")).ToHaveTextAsync("Active");
    });

    [Fact]
    public Task OnAPhoneTheContractListAndAContractFitTheScreen() => browser.RunAsync(nameof(OnAPhoneTheContractListAndAContractFitTheScreen), async session =>
    {
        var rita = await browser.App.ActorForAsync(DemoCompany.Rep1Email);
        var contract = (await browser.App.Services.GetRequiredService<ContractBook>().ListAsync(rita, new ContractQuery { PageSize = 1 })).Items.Single();
        var page = await session.SignInAsync(DemoCompany.Rep1Email, viewport: BrowserSession.Phone);

        await BrowserSession.AssertFitsAsync(page, "/contracts", "contract-row-number");
        await BrowserSession.AssertFitsAsync(page, $"/contracts/{contract.Id}", "contract-number");
    });
}
