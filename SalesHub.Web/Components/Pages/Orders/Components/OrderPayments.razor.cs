using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Orders.Components;

/// <summary>
/// An order's payments panel (回款): total, paid, outstanding, credit and overdue, the plan instalment by
/// instalment and the payments received. Whoever may change the order edits the plan, records and reverses
/// payments; everybody who sees the order sees it change live when its plan, payments or total change.
/// </summary>
public partial class OrderPayments
{
    private static readonly string[] WatchedTypes = [PaymentBook.PaymentsChange, nameof(Order)];

    private OrderBalance? _balance;
    private IReadOnlyList<PaymentRow> _payments = [];
    private Actor _actor = Actor.Nobody;
    private string _currency = "";
    private string? _conflict;

    [Parameter, EditorRequired]
    public int OrderId { get; set; }

    [Inject]
    private PaymentBook Payments { get; set; } = default!;

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

    /// <summary>A cancelled order takes no plan and no payments; its payments may still be reversed.</summary>
    private bool CanAct => _balance is { CanEdit: true, OrderStatus: not OrderStatus.Cancelled };

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _balance = await Payments.GetBalanceAsync(_actor, OrderId);
            _payments = (await Payments.ListAsync(_actor, new PaymentQuery { OrderId = OrderId, PageSize = PaymentBook.MaxPageSize })).Items;
        }
        catch (RecordNotFoundException)
        {
            // The order page says the order is gone; the panel shows nothing of it.
            (_balance, _payments) = (null, []);
        }
    }

    private string Money(decimal amount) => MoneyText.Format(amount, _currency, CultureInfo.CurrentCulture);

    private static string InstalmentStatusKey(InstalmentStatus instalment) =>
        instalment.IsCovered ? "Payments.InstalmentPaid" : instalment.IsOverdue ? "Payments.InstalmentOverdue" : "Payments.InstalmentOpen";

    private static Color InstalmentColor(InstalmentStatus instalment) =>
        instalment.IsCovered ? Color.Success : instalment.IsOverdue ? Color.Error : Color.Default;

    private Task EditPlanAsync() =>
        OpenAsync<PaymentPlanDialog>(L["Payments.EditPlan"], MaxWidth.Medium, new DialogParameters { { nameof(PaymentPlanDialog.Balance), _balance }, { nameof(PaymentPlanDialog.Currency), _currency } });

    private Task RecordAsync() =>
        OpenAsync<RecordPaymentDialog>(L["Payments.Record"], MaxWidth.Small, new DialogParameters { { nameof(RecordPaymentDialog.Balance), _balance }, { nameof(RecordPaymentDialog.Currency), _currency } });

    private Task ReverseAsync(PaymentRow payment) =>
        OpenAsync<ReversePaymentDialog>(L["Payments.Reverse"], MaxWidth.Small, new DialogParameters { { nameof(ReversePaymentDialog.Payment), payment }, { nameof(ReversePaymentDialog.Currency), _currency } });

    /// <summary>Opens a dialog that saves on its own; afterwards the panel shows the money as it is (and a stale plan as the conflict).</summary>
    private async Task OpenAsync<TDialog>(string title, MaxWidth width, DialogParameters parameters)
        where TDialog : IComponent
    {
        _conflict = null;
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = width, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: var outcome })
        {
            if (outcome is ConcurrencyConflictException conflict)
            {
                _conflict = Messages.Describe(conflict);
            }
            else
            {
                Snackbar.Add(L["Common.Saved"], Severity.Success);
            }

            await LoadAsync();
        }
    }

    private async Task OnChangeAsync(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Any(c => c.EntityId == OrderId))
        {
            await LoadAsync();
        }
    }
}
