using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class AttachmentsTabTests : ComponentTest
{
    private const long MaxBytes = 1024 * 1024;

    private readonly AppUser _rep;
    private readonly Customer _customer;
    private readonly CustomerAttachments _attachments;

    public AttachmentsTabTests()
    {
        var company = new CompanyBuilder(Database);
        _rep = company.AddUser(Roles.SalesRep, name: "Rita");
        _customer = company.AddCustomer(_rep);
        _attachments = Database.CreateAttachments(MaxBytes);
        Services.AddSingleton(_attachments);
        SignIn(_rep);
    }

    [Fact]
    public async Task ListsFilesWithDownloadLinksAndShowsNewOnesLive()
    {
        var first = await UploadAsync("contract.pdf");
        var cut = RenderTab();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=attachment-download]")));
        var link = cut.Find("[data-testid=attachment-download]");
        Assert.Equal(($"/customers/attachments/{first}", "contract.pdf", "contract.pdf"), (link.GetAttribute("href"), link.GetAttribute("download"), link.TextContent));

        await UploadAsync("licence.png");

        cut.WaitForAssertion(() => Assert.Equal(
            ["licence.png", "contract.pdf"], cut.FindAll("[data-testid=attachment-download]").Select(a => a.TextContent)));
    }

    [Fact]
    public void AFileChosenInThePickerIsUploadedAndListed()
    {
        var cut = RenderTab();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=attachments-none]")));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("visit notes", "拜访记录.txt", contentType: "text/plain"));

        cut.WaitForAssertion(() => Assert.Equal("拜访记录.txt", cut.Find("[data-testid=attachment-download]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=attachment-error]"));
    }

    [Fact]
    public void AProgramIsRefusedWithAMessageAndNotListed()
    {
        var cut = RenderTab();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([(byte)'M', (byte)'Z', 0x90, 0], "invoice.pdf"));

        cut.WaitForAssertion(() => Assert.Equal("Programs and scripts cannot be attached, whatever their name.", cut.Find("[data-testid=attachment-error]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=attachment-download]"));
    }

    [Theory]
    [InlineData("en", "setup.exe", 10, "Files of this type cannot be attached. Allowed types: pdf, png")]
    [InlineData("zh-CN", "setup.exe", 10, "不能上传此类型的文件。允许的类型：pdf, png")]
    [InlineData("en", "scan.pdf", MaxBytes + 1, "The file is larger than 1 MB.")]
    [InlineData("zh-CN", "scan.pdf", MaxBytes + 1, "文件大于 1 MB。")]
    public void AFileOfTheWrongTypeOrTooLargeIsRefusedInTheUsersLanguage(string culture, string fileName, long size, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        var cut = RenderTab();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[size], fileName));

        cut.WaitForAssertion(() => Assert.StartsWith(expected, cut.Find("[data-testid=attachment-error]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=attachment-download]"));
    }

    private IRenderedComponent<AttachmentsTab> RenderTab() =>
        Render<AttachmentsTab>(p => p.Add(c => c.CustomerId, _customer.Id).Add(c => c.CanEdit, true));

    private async Task<int> UploadAsync(string fileName)
    {
        using var content = new MemoryStream("content"u8.ToArray());
        return await _attachments.UploadAsync(Actor.For(_rep), _customer.Id, fileName, "application/octet-stream", content);
    }
}
