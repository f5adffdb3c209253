using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Contracts;
using SalesHub.Web.Components.Shared;

namespace SalesHub.Web.Components.Pages.Contracts.Components;

public sealed partial class ContractFiles
{
    private static readonly string[] WatchedTypes = [nameof(ContractAttachment)];
    private IReadOnlyList<ContractAttachmentRow>? _rows;

    [Parameter, EditorRequired]
    public int ContractId { get; set; }

    /// <summary>Whether the user may change the contract, and so add and remove its files.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => _rows = await Attachments.ListAsync(await CurrentActor.GetAsync(), ContractId);

    private async Task StoreAsync(string fileName, string contentType, Stream content) =>
        await Attachments.UploadAsync(await CurrentActor.GetAsync(), ContractId, fileName, contentType, content);

    private async Task DeleteAsync(ContractAttachmentRow row)
    {
        var errors = new FieldErrors(Messages, Snackbar);
        if (await errors.TryAsync(async () => await Attachments.DeleteAsync(await CurrentActor.GetAsync(), ContractId, row.Id)))
        {
            Snackbar.Add(L["Attachments.Deleted", row.FileName], Severity.Success);
            await LoadAsync();
        }
    }
}
