using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;

namespace SalesHub.Tests.Web.Components.Products;

/// <summary>
/// A product or price-list dialog opened the way its page opens it, in English, by sales manager
/// Martin (who owns one customer), on a real SQLite database.
/// </summary>
public abstract class CatalogDialogTest : ComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _provider;

    protected CatalogDialogTest()
    {
        var company = new CompanyBuilder(Database);
        Manager = company.AddUser(Roles.SalesManager, name: "Martin");
        company.AddCustomer(Manager, "上海华联贸易有限公司");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<RecycleBin>();
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<SalesHub.Core.Catalog.PriceLists>();
        Services.AddSingleton<DuplicateDetection>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<AuditTrail>();
        SignIn(Manager);
        _provider = Render<MudDialogProvider>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    protected AppUser Manager { get; }

    protected Actor ManagerActor => Actor.For(Manager);

    protected IRenderedComponent<MudDialogProvider> Provider => _provider;

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await _provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Dialog", parameters));
        _provider.WaitForElement(".mud-dialog");
        return reference;
    }

    protected AngleSharp.Dom.IElement Input(string testId) => _provider.Find($"[data-testid={testId}] input, input[data-testid={testId}]");

    protected string? FieldMessage(string testId) =>
        Input(testId).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Waits for the save to be refused with <paramref name="message"/> under the field; the dialog stays open.</summary>
    protected void AssertRefusedBeside(IDialogReference dialog, string testId, string message)
    {
        _provider.WaitForAssertion(() => Assert.Equal(message, FieldMessage(testId)));
        Assert.False(dialog.Result.IsCompleted);
    }

    protected void Click(string testId) => _provider.Find($"[data-testid={testId}]").Click();
}
