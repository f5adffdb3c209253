using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Admin;

namespace SalesHub.Tests.Web.Components.Admin;

public sealed class CompanySettingsPageTests : ComponentTest
{
    private readonly CompanySettings _settings;

    public CompanySettingsPageTests()
    {
        var admin = new CompanyBuilder(Database).AddUser(Roles.Admin, name: "Alice");
        _settings = new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed);
        Services.AddSingleton(_settings);
        Services.AddSingleton<AuditTrail>();
        SignIn(admin);
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task InvalidValuesAreShownNextToTheirFieldsAndNothingIsSaved()
    {
        var before = await _settings.GetAsync();
        var cut = Render<CompanySettingsPage>();
        cut.WaitForElement("[data-testid=company-save]");

        Input(cut, "company-legalNameEn").Change("Example Ltd");
        Input(cut, "company-email").Change("sales@");
        Input(cut, "company-repMaxDiscountPercent").Change("150");
        Input(cut, "company-currencyCode").Change("rmb");
        cut.Find("[data-testid=company-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter a valid e-mail address.", FieldText(cut, "company-email")));
        Assert.Equal(before, await _settings.GetAsync());

        Input(cut, "company-email").Change("sales@example.com");
        cut.Find("[data-testid=company-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Enter the currency's ISO code", FieldText(cut, "company-currencyCode")));
        Assert.DoesNotContain("Enter a valid e-mail address.", cut.Markup);

        Input(cut, "company-currencyCode").Change("CNY");
        cut.Find("[data-testid=company-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains(
            "Enter a percentage from 0 to 100, with at most two decimals.", FieldText(cut, "company-repMaxDiscountPercent")));
        Assert.Equal(before, await _settings.GetAsync());

        Input(cut, "company-repMaxDiscountPercent").Change("12.5");
        cut.Find("[data-testid=company-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Saved.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        var saved = await _settings.GetAsync();
        Assert.Equal(("Example Ltd", "sales@example.com", 12.5m), (saved.Details.LegalNameEn, saved.Details.Email, saved.MaxDiscountPercentFor(Roles.SalesRep)));
    }

    private static IElement Input(IRenderedComponent<CompanySettingsPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");

    /// <summary>The field's whole control: its input, label and the message under it.</summary>
    private static string FieldText(IRenderedComponent<CompanySettingsPage> cut, string testId) =>
        Input(cut, testId).Closest(".mud-input-control")!.TextContent;
}
