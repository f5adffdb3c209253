using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Errors;
using SalesHub.Core.Payments;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Orders.Components;

/// <summary>
/// Edits an order's payment plan as a whole and saves it based on the plan version the panel showed: a
/// plan replaced meanwhile closes the dialog with the conflict. A refused instalment shows beside its field.
/// </summary>
public partial class PaymentPlanDialog
{
    private readonly List<PlanRow> _rows = [];
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public OrderBalance Balance { get; set; } = default!;

    [Parameter]
    public string Currency { get; set; } = "";

    [Inject]
    private PaymentBook Payments { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private decimal Planned => _rows.Sum(r => r.Amount);

    protected override void OnInitialized() =>
        _rows.AddRange(Balance.Plan.Select(i => new PlanRow { DueDate = i.DueDate.ToDateTime(TimeOnly.MinValue), Amount = i.Amount, Note = i.Note }));

    private string Money(decimal amount) => MoneyText.Format(amount, Currency, CultureInfo.CurrentCulture);

    private decimal Percent(PlanRow row) => Balance.Total > 0m ? Math.Round(row.Amount * 100m / Balance.Total, 2) : 0m;

    private void SetPercent(PlanRow row, decimal percent) => row.Amount = Math.Round(Balance.Total * percent / 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>A new instalment a month after the last one, for what the plan does not cover yet.</summary>
    private void Add()
    {
        var after = _rows.Select(r => r.DueDate).Max() ?? Clock.GetUtcNow().UtcDateTime.Date;
        _rows.Add(new PlanRow { DueDate = after.AddMonths(1), Amount = Math.Max(0m, Balance.Total - Planned) });
    }

    /// <summary>The total shared evenly over the instalments there are, to the cent, the last taking what is left.</summary>
    private void SplitEvenly()
    {
        var each = Math.Floor(Balance.Total * 100m / _rows.Count) / 100m;
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i].Amount = i == _rows.Count - 1 ? Balance.Total - (each * (_rows.Count - 1)) : each;
        }
    }

    private async Task SaveAsync()
    {
        _error = null;
        _rows.ForEach(r => r.Errors.Clear());
        var missingDate = _rows.FindIndex(r => r.DueDate is null);
        if (missingDate >= 0)
        {
            _rows[missingDate].Errors["dueDate"] = L["Errors.Required"];
            return;
        }

        _busy = true;
        try
        {
            var instalments = _rows.ConvertAll(r => new InstalmentInput(DateOnly.FromDateTime(r.DueDate!.Value), r.Amount, r.Note));
            await Payments.SetPlanAsync(await CurrentActor.GetAsync(), Balance.OrderId, instalments, Balance.PlanVersion);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (ConcurrencyConflictException conflict)
        {
            Dialog.Close(DialogResult.Ok(conflict));
        }
        catch (DomainException refusal)
        {
            Show(refusal);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>An error of one instalment ("instalments[2].amount") beside its field; any other under the plan.</summary>
    private void Show(DomainException refusal)
    {
        var message = Messages.Describe(refusal);
        var match = refusal.Field is { } field ? InstalmentField().Match(field) : Match.Empty;
        if (match.Success && int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) is var index && index < _rows.Count)
        {
            _rows[index].Errors[match.Groups["field"].Value] = message;
        }
        else
        {
            _error = message;
        }
    }

    [GeneratedRegex(@"^instalments\[(?<index>\d+)\]\.(?<field>\w+)$")]
    private static partial Regex InstalmentField();

    private sealed class PlanRow
    {
        public DateTime? DueDate { get; set; }

        public decimal Amount { get; set; }

        public string? Note { get; set; }

        public Dictionary<string, string> Errors { get; } = [];
    }
}
