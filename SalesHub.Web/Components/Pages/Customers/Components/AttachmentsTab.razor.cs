using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Customers.Components;

public sealed partial class AttachmentsTab
{
    private static readonly string[] WatchedTypes = [nameof(CustomerAttachment)];
    private IReadOnlyList<AttachmentRow>? _rows;

    [Parameter, EditorRequired]
    public int CustomerId { get; set; }

    /// <summary>Whether the user may edit the customer, and so delete anybody's file.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    [Inject]
    private CustomerAttachments Attachments { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => _rows = await Attachments.ListAsync(await CurrentActor.GetAsync(), CustomerId);

    private async Task StoreAsync(string fileName, string contentType, Stream content) =>
        await Attachments.UploadAsync(await CurrentActor.GetAsync(), CustomerId, fileName, contentType, content);

    private async Task DeleteAsync(AttachmentRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Attachments.Delete"], L["Attachments.DeleteConfirm", row.FileName],
            yesText: L["Attachments.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var errors = new Shared.FieldErrors(Messages, Snackbar);
        if (await errors.TryAsync(async () => await Attachments.DeleteAsync(await CurrentActor.GetAsync(), row.Id)))
        {
            Snackbar.Add(L["Attachments.Deleted", row.FileName], Severity.Success);
            await LoadAsync();
        }
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024d / 1024d:0.#} MB"),
    };
}
