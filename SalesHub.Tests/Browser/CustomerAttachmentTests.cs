using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Browser;

public sealed class CustomerAttachmentTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task ASignedInRepDownloadsTheirCustomersFileAndARepOfAnotherTeamIsShownNotFound() => browser.RunAsync(nameof(ASignedInRepDownloadsTheirCustomersFileAndARepOfAnotherTeamIsShownNotFound), async session =>
    {
        var id = await UploadAsync(DemoCompany.Rep1Email, "拜访纪要 visit.txt", "met the buyer"u8.ToArray());
        var owner = await session.SignInAsync(DemoCompany.Rep1Email);
        var stranger = await session.SignInAsync(DemoCompany.Rep3Email);

        var download = await owner.Context.APIRequest.GetAsync($"/customers/attachments/{id}");
        var refused = await stranger.Context.APIRequest.GetAsync($"/customers/attachments/{id}");

        Assert.Equal(200, download.Status);
        Assert.Equal("met the buyer"u8.ToArray(), await download.BodyAsync());
        Assert.StartsWith("attachment;", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''%E6%8B%9C%E8%AE%BF%E7%BA%AA%E8%A6%81%20visit.txt", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.Equal("/not-found", new Uri(refused.Url).AbsolutePath);
        Assert.DoesNotContain("met the buyer", await refused.TextAsync(), StringComparison.Ordinal);
    });

    private async Task<int> UploadAsync(string ownerEmail, string fileName, byte[] bytes)
    {
        var actor = await browser.App.ActorForAsync(ownerEmail);
        var details = new CustomerDetails($"Attachment Test {Guid.NewGuid():N}", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Prospect, null);
        var customerId = await browser.App.Services.GetRequiredService<CustomerDirectory>().CreateAsync(actor, new NewCustomer(details, IgnoreDuplicates: true));
        using var content = new MemoryStream(bytes);
        return await browser.App.Services.GetRequiredService<CustomerAttachments>().UploadAsync(actor, customerId, fileName, "text/plain", content);
    }
}
