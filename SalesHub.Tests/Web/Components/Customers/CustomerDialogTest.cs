using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Tests.Web.Components.Customers;

/// <summary>
/// A customer dialog opened the way its page opens it, in English, by a rep who owns
/// <see cref="Customer"/>, on a real SQLite database, with the user's clock in Shanghai.
/// </summary>
public abstract class CustomerDialogTest : BunitContext, IAsyncLifetime
{
    protected CustomerDialogTest()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        Company = new CompanyBuilder(Database);
        Rep = Company.AddUser(Roles.SalesRep, name: "Rita");
        Customer = Company.AddCustomer(Rep, "Acme Trading", contactName: "Li Lei", mobile: "138 0013 8000");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = o.SnackbarConfiguration.HideTransitionDuration = 0);
        Services.AddLogging();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<IChangeFeed>(Database.ChangeFeed);
        Services.AddSingleton<IDbContextFactory<SalesHubDbContext>>(Database);
        Services.AddSingleton<CustomerContacts>();
        Services.AddSingleton<CustomerTimeline>();
        Services.AddScoped<ErrorMessages>();
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton<AuthenticationStateProvider>(new SignedInUser(Rep));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Provider = Render<MudDialogProvider>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    protected TestDatabase Database { get; } = new();

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

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
    }
}
