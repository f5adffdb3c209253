using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Contracts;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Contracts.Components;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Contracts;

/// <summary>
/// One contract: its terms, status and files, and the steps its status and the viewer's rights allow. Each step is one
/// ContractBook call based on the version the page shows; a stale one shows what changed.
/// </summary>
public partial class ContractPage
{
    private static readonly string[] WatchedTypes = [nameof(Contract)];

    private Actor _actor = Actor.Nobody;
    private ContractView? _view;
    private bool _notFound;
    private bool _busy;
    private string? _conflict;
    private string _currency = "";

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
    }

    protected override async Task OnParametersSetAsync()
    {
        _conflict = null;
        await LoadAsync();
    }

    /// <summary>The contract as it is now; one the user may not see shows as not found, like one that does not exist.</summary>
    private async Task LoadAsync()
    {
        ContractView? view = null;
        try
        {
            view = await Contracts.GetAsync(_actor, Id);
        }
        catch (RecordNotFoundException)
        {
            // Shown as not found below.
        }

        (_view, _notFound) = (view, view is null);
    }

    private Task EditAsync() =>
        OpenAsync<ContractDialog>(L["Contracts.Edit"], new DialogParameters<ContractDialog> { { d => d.Contract, _view } });

    private Task SignAsync() =>
        OpenAsync<ContractStepDialog>(L["Contracts.Sign"], new DialogParameters<ContractStepDialog> { { d => d.Contract, _view } });

    private Task TerminateAsync() =>
        OpenAsync<ContractStepDialog>(L["Contracts.Terminate"], new DialogParameters<ContractStepDialog> { { d => d.Contract, _view }, { d => d.Terminate, true } });

    /// <summary>Opens a dialog that changes the contract as the page shows it, then shows the contract as it is afterwards.</summary>
    private async Task OpenAsync<TDialog>(string title, DialogParameters parameters)
        where TDialog : IComponent
    {
        _busy = true;
        try
        {
            var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
            if (await dialog.Result is { Canceled: false, Data: var outcome })
            {
                Report(outcome as ConcurrencyConflictException);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Common.Delete"], L["Contracts.DeleteConfirm", _view!.Number], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Contracts.DeleteAsync(_actor, _view.Id, _view.Version);
            Snackbar.Add(L["Contracts.Deleted", _view.Number], Severity.Success);
            Navigation.NavigateTo("/contracts");
        }
        catch (ConcurrencyConflictException conflict)
        {
            Report(conflict);
            await LoadAsync();
        }
        catch (DomainException refusal)
        {
            Snackbar.Add(Messages.Describe(refusal), Severity.Error);
        }
    }

    private void Report(ConcurrencyConflictException? conflict)
    {
        if (conflict is not null)
        {
            _conflict = Messages.Describe(conflict);
        }
        else
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
        }
    }

    private async Task OnContractsChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (!_busy && _view is not null && changes.Any(c => c.EntityId == _view.Id))
        {
            await LoadAsync();
        }
    }
}
