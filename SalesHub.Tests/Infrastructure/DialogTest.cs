using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Security;
using SalesHub.Web.Components;

namespace SalesHub.Tests.Infrastructure;

/// <summary>
/// A component test of dialogs opened the way their pages open them, for a signed-in user whose
/// clock is in Shanghai, with helpers to fill fields, click and read what the dialog says.
/// </summary>
public abstract class DialogTest : ComponentTest
{
    /// <summary>Where the dialogs render; there after <see cref="SignInAndOpenDialogs"/>.</summary>
    protected IRenderedComponent<MudDialogProvider> Provider { get; private set; } = default!;

    protected IEnumerable<string> SnackbarMessages => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    /// <summary>Signs <paramref name="user"/> in and renders the dialog provider; register the test's services before.</summary>
    protected void SignInAndOpenDialogs(AppUser user)
    {
        SignIn(user);
        Provider = Render<MudDialogProvider>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await Provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Dialog", parameters));
        Provider.WaitForElement(".mud-dialog");
        return reference;
    }

    /// <summary>The input of the field with this test id.</summary>
    protected AngleSharp.Dom.IElement Input(string testId) =>
        Provider.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");

    /// <summary>The error message shown under the field with this test id, if any.</summary>
    protected string? FieldMessage(string testId) =>
        Input(testId).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Waits for the save to be refused with <paramref name="message"/> under the field; the dialog stays open.</summary>
    protected void AssertRefusedBeside(IDialogReference dialog, string testId, string message)
    {
        Provider.WaitForAssertion(() => Assert.Equal(message, FieldMessage(testId)));
        Assert.False(dialog.Result.IsCompleted);
    }

    protected void Click(string testId) => Provider.Find($"[data-testid={testId}]").Click();
}
