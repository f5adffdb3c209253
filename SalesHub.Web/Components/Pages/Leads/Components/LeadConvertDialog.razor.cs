using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Leads.Components;

/// <summary>
/// Converts a qualified lead: into a new customer, or into a likely duplicate the user picks, with its
/// deal. Closes with the customer's id.
/// </summary>
public partial class LeadConvertDialog
{
    private const int DefaultCloseDays = 30;

    private FieldErrors _errors = default!;
    private Actor _actor = Actor.Nobody;
    private IReadOnlyList<DuplicateMatch> _matches = [];
    private int? _customerId;
    private string _dealName = "";
    private decimal _amount;
    private DateTime? _closeDate;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public LeadProfile Lead { get; set; } = default!;

    [Inject]
    private LeadConversion Conversion { get; set; } = default!;

    [Inject]
    private DuplicateDetection Duplicates { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string NewCustomerName => Lead.Details.Company ?? Lead.Details.Name;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _dealName = NewCustomerName;
        _closeDate = Clock.GetUtcNow().UtcDateTime.Date.AddDays(DefaultCloseDays);
        _matches = await Duplicates.FindAsync(_actor, DuplicateCandidate.From(NewCustomerName, [Lead.Details.Phone], [Lead.Details.Email]));
        _customerId = _matches.FirstOrDefault(m => m.CustomerId is not null)?.CustomerId;
    }

    private async Task ConvertAsync()
    {
        LeadConversionResult? result = null;
        var deal = new LeadDeal(_dealName, _amount, DateOnly.FromDateTime(_closeDate!.Value));
        var converted = await _errors.TryAsync(async () =>
        {
            try
            {
                // Creating a new customer while likely duplicates are listed is the user's informed choice.
                result = await Conversion.ConvertAsync(
                    _actor, Lead.Id, new LeadConversionRequest(Lead.Version, deal, source => L[$"LeadSource.{source}"], _customerId, _matches.Count > 0));
            }
            catch (LikelyDuplicateException duplicate)
            {
                _matches = duplicate.Matches;
                throw;
            }
        });
        if (converted && result is not null)
        {
            Snackbar.Add(L["Leads.Converted"], Severity.Success);
            Dialog.Close(DialogResult.Ok(result.CustomerId));
        }
    }
}
