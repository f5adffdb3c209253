using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;

namespace SalesHub.Tests.Web.Components.Customers;

/// <summary>
/// A customer dialog opened the way its page opens it, in English, by a rep who owns
/// <see cref="Customer"/>, on a real SQLite database, with the user's clock in Shanghai.
/// </summary>
public abstract class CustomerDialogTest : ComponentTest
{
    protected CustomerDialogTest()
    {
        Company = new CompanyBuilder(Database);
        Rep = Company.AddUser(Roles.SalesRep, name: "Rita");
        Customer = Company.AddCustomer(Rep, "Acme Trading", contactName: "Li Lei", mobile: "138 0013 8000");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<CustomerContacts>();
        Services.AddSingleton<CustomerTimeline>();
        Services.AddSingleton<DuplicateDetection>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
        SignIn(Rep);
        Provider = Render<MudDialogProvider>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    protected CompanyBuilder Company { get; }

    protected AppUser Rep { get; }

    protected Customer Customer { get; }

    /// <summary>Where the dialogs render.</summary>
    protected IRenderedComponent<MudDialogProvider> Provider { get; }

    protected Actor RepActor => Actor.For(Rep);

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected IEnumerable<string> SnackbarMessages => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    protected async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await Provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Dialog", parameters));
        Provider.WaitForElement(".mud-dialog");
        return reference;
    }

    /// <summary>The input of the field with this test id.</summary>
    protected AngleSharp.Dom.IElement Input(string testId) => Provider.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");

    /// <summary>The error message shown under the field with this test id, if any.</summary>
    protected string? FieldMessage(string testId) =>
        Input(testId).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Waits for the save to be refused with <paramref name="message"/> under the field; the dialog stays open.</summary>
    protected void AssertRefusedBeside(IDialogReference dialog, string testId, string message)
    {
        Provider.WaitForAssertion(() => Assert.Equal(message, FieldMessage(testId)));
        Assert.False(dialog.Result.IsCompleted);
    }

    protected void Save(string testId) => Provider.Find($"[data-testid={testId}]").Click();
}
