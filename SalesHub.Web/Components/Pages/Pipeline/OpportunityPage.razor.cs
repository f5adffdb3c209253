using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Pipeline.Components;
using SalesHub.Web.Components.Pages.Quotes.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Presence;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Pipeline;

/// <summary>
/// One deal: its details form, stage history and audit history. OpportunityBook runs the rules; a stale
/// save says what changed and keeps what the user typed, so saving again reapplies it. Other users who have
/// the deal open show as "viewing", or "editing" while they have unsaved changes.
/// </summary>
public partial class OpportunityPage
{
    private static readonly string[] WatchedTypes = [nameof(Opportunity)];

    private OpportunityView? _view;
    private OpportunityForm? _form;
    private OpportunityForm? _original;
    private StageNames _stages = StageNames.None;
    private Actor _actor = Actor.Nobody;
    private CustomerChoice? _customer;
    private FieldErrors _errors = default!;
    private string _currency = "";
    private string? _conflict;
    private bool _changedElsewhere;
    private bool _notFound;
    private PresenceSession? _presence;
    private bool _dirty;
    private bool _busy;

    [Parameter]
    public int? Id { get; set; }

    /// <summary>The customer a new deal is for, when it is opened from the customer's profile.</summary>
    [SupplyParameterFromQuery(Name = "customerId")]
    public int? CustomerId { get; set; }

    [Inject]
    private OpportunityBook Deals { get; set; } = default!;

    [Inject]
    private PipelineStages Stages { get; set; } = default!;

    [Inject]
    private CustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private CompanySettings Company { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private RecordPresence Presence { get; set; } = default!;

    /// <summary>Unsaved changes, which the other users who have the deal open see as "editing".</summary>
    private bool Dirty
    {
        get => _dirty;
        set
        {
            _dirty = value;
            _presence?.SetEditing(value);
        }
    }

    private IReadOnlyList<PresentUser> Others => _presence?.Others ?? [];

    private bool Editable => _view is null || _view.CanEdit;

    private string Title => _view?.Name ?? L["Opportunities.New"];

    private bool IsLostStage => _form is not null && _stages.Find(_form.StageId)?.Kind == PipelineStageKind.Lost;

    /// <summary>A won or lost deal leaves its stage only when reopened.</summary>
    private bool NeedsReopen => Editable && _view is not null && _form is not null && _view.NeedsReopenFor(_form.StageId);

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
        _stages = new StageNames(await Stages.ListAsync(_actor));
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        (Dirty, _conflict, _changedElsewhere) = (false, null, false);
        _errors.Clear();
        if (Id is not { } id)
        {
            LeavePresence();
            _view = null;
            var first = _stages.Open.FirstOrDefault();
            _form = new OpportunityForm
            {
                StageId = first?.Id ?? 0,
                Probability = first?.DefaultProbability,
                ExpectedCloseDate = Clock.GetLocalNow().Date.AddMonths(1),
            };
            if (CustomerId is { } customerId)
            {
                ChooseCustomer(await CustomerChoiceAsync(customerId));
                Dirty = false;
            }

            return;
        }

        try
        {
            _view = await Deals.GetAsync(_actor, id);
            (_form, _original, _notFound) = (OpportunityForm.From(_view), OpportunityForm.From(_view), false);
            JoinPresence(id);
        }
        catch (RecordNotFoundException)
        {
            (_view, _form, _notFound) = (null, null, true);
            LeavePresence();
        }
    }

    /// <summary>Tells the other users who have this deal open that this user has it open too.</summary>
    private void JoinPresence(int id)
    {
        // Prerendering has no circuit to leave it again.
        if (!RendererInfo.IsInteractive || _presence?.Key.Id == id)
        {
            return;
        }

        LeavePresence();
        _presence = Presence.Join(nameof(Opportunity), id, _actor, () => InvokeAsync(StateHasChanged));
    }

    private void LeavePresence()
    {
        _presence?.Dispose();
        _presence = null;
    }

    public void Dispose() => LeavePresence();

    private async Task<CustomerChoice?> CustomerChoiceAsync(int customerId)
    {
        try
        {
            return new CustomerChoice(customerId, (await Customers.GetAsync(_actor, customerId)).Details.Name);
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }

    private void Change(Action change)
    {
        change();
        Dirty = true;
    }

    private void ChooseCustomer(CustomerChoice? customer)
    {
        _customer = customer;
        Change(() => (_form!.CustomerId, _form.CustomerName) = (customer?.Id, customer?.Name));
    }

    /// <summary>A new stage brings its default probability, which the user may still override.</summary>
    private void ChooseStage(int stageId) => Change(() =>
    {
        _form!.StageId = stageId;
        _form.Probability = _stages.Find(stageId)?.DefaultProbability ?? _form.Probability;
    });

    private async Task SaveAsync()
    {
        var form = _form!;
        _errors.Clear();
        if (form.CustomerId is null)
        {
            _errors.Show(new DomainException("Opportunities.CustomerRequired") { Field = "customerId" });
            return;
        }

        int? createdId = null;
        var saved = await RunAsync(async () =>
        {
            if (_view is null)
            {
                createdId = await Deals.CreateAsync(_actor, form.ToDraft());
            }
            else
            {
                await Deals.UpdateAsync(_actor, _view.Id, form.ToDraft(), _view.Version);
            }
        });
        if (!saved)
        {
            return;
        }

        Snackbar.Add(L["Common.Saved"], Severity.Success);
        if (createdId is { } id)
        {
            Navigation.NavigateTo($"/opportunities/{id}");
        }
        else
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var view = _view!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Common.Delete"], L["Opportunities.DeleteConfirm", view.Name],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true && await RunAsync(() => Deals.DeleteAsync(_actor, view.Id, view.Version)))
        {
            Snackbar.Add(L["Common.Deleted"], Severity.Success);
            Navigation.NavigateTo("/pipeline");
        }
    }

    /// <summary>Drops the user's input for the deal as it is saved now.</summary>
    private Task DiscardAsync() => LoadAsync();

    /// <summary>
    /// Runs one OpportunityBook call. A stale version shows what changed and takes the saved deal as the
    /// base with the user's own changes on top, so the next save reapplies them.
    /// </summary>
    private async Task<bool> RunAsync(Func<Task> work)
    {
        (_conflict, _changedElsewhere, _busy) = (null, false, true);
        try
        {
            await work();
            Dirty = false;
            return true;
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = Messages.Describe(conflict);
            if (_view is not null && _form is not null && _original is not null)
            {
                _view = await Deals.GetAsync(_actor, _view.Id);
                var saved = OpportunityForm.From(_view);
                (_form, _original) = (_form.Rebase(_original, saved), saved);
            }

            return false;
        }
        catch (DomainException refusal)
        {
            _errors.Show(refusal);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task OnDealsChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (_busy || _view is null || !changes.Any(c => c.EntityId == _view.Id))
        {
            return;
        }

        if (_dirty)
        {
            // The user's input stays; saving it reports the conflict with what changed.
            _changedElsewhere = _conflict is null;
            StateHasChanged();
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    private string Money(decimal amount) => MoneyText.Format(amount, _currency, CultureInfo.CurrentCulture);

    private int DaysInStage(DateTimeOffset enteredAt) => Opportunity.DaysInStage(enteredAt, Clock.GetUtcNow());
}
