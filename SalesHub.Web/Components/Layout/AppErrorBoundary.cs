using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SalesHub.Web.Components.Layout;

/// <summary>
/// Catches what a page did not expect: logs it with a short reference the user can quote, and
/// shows that reference instead of the page until the user navigates on.
/// </summary>
public sealed class AppErrorBoundary : ErrorBoundaryBase
{
    private string _reference = "";

    [Inject]
    private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        _reference = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Logger.LogError(exception, "Unhandled error in a page, reference {Reference}", _reference);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddAttribute(3, "data-testid", "unexpected-error");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(b => b.AddContent(0, L["Errors.UnexpectedWithReference", _reference])));
        builder.CloseComponent();
    }
}
