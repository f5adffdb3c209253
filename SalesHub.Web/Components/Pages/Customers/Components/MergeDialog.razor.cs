using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Customers.Components;

/// <summary>
/// Shows duplicate customers side by side: the user picks the one to keep and, field by field,
/// whose value it keeps; merging then opens the kept customer's profile.
/// </summary>
public sealed partial class MergeDialog
{
    private FieldErrors _errors = default!;
    private List<CustomerProfile>? _profiles;
    private int _survivorId;
    private bool _merging;

    // Fields the user picked explicitly; the others follow the survivor.
    private readonly Dictionary<MergeField, int> _choices = [];

    [Inject]
    private CustomerDirectory Directory { get; set; } = default!;

    [Inject]
    private CustomerMerging Merging { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The customers to merge; the first one is the survivor until the user picks another.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<int> CustomerIds { get; set; } = [];

    private string Columns => $"display: grid; width: 100%; grid-template-columns: repeat({_profiles?.Count ?? 1}, minmax(0, 1fr)); gap: 4px 12px;";

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        var actor = await CurrentActor.GetAsync();
        var profiles = new List<CustomerProfile>();
        foreach (var id in CustomerIds.Distinct())
        {
            await _errors.TryAsync(async () => profiles.Add(await Directory.GetAsync(actor, id)));
        }

        _profiles = profiles;
        _survivorId = profiles.FirstOrDefault()?.Id ?? 0;
    }

    private static string FieldName(MergeField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    /// <summary>Only a field whose value differs between the customers needs a choice.</summary>
    private bool Differs(MergeField field) => field == MergeField.OwnerId
        ? _profiles!.Select(p => p.OwnerId).Distinct().Count() > 1
        : _profiles!.Select(p => ValueOf(p, field)).Distinct(StringComparer.Ordinal).Count() > 1;

    private int SourceOf(MergeField field) => _choices.GetValueOrDefault(field, _survivorId);

    private void Choose(MergeField field, int customerId) => _choices[field] = customerId;

    private string ValueOf(CustomerProfile profile, MergeField field)
    {
        var details = profile.Details;
        var value = field switch
        {
            MergeField.Name => details.Name,
            MergeField.Kind => L[$"CustomerKind.{details.Kind}"],
            MergeField.Industry => details.Industry,
            MergeField.Province => details.Province,
            MergeField.City => details.City,
            MergeField.Address => details.Address,
            MergeField.Source => details.Source,
            MergeField.GradeId => profile.GradeName,
            MergeField.Status => L[$"CustomerStatus.{details.Status}"],
            MergeField.Notes => details.Notes,
            MergeField.OwnerId => profile.OwnerName,
            _ => null,
        };
        return string.IsNullOrEmpty(value) ? "—" : value;
    }

    private async Task MergeAsync()
    {
        _merging = true;
        var survivorId = _survivorId;
        var merged = _profiles!.Select(p => p.Id).Where(id => id != survivorId).ToList();
        var choices = new MergeChoices(_choices.Where(c => c.Value != survivorId).ToDictionary());
        var actor = await CurrentActor.GetAsync();
        if (await _errors.TryAsync(() => Merging.MergeAsync(actor, survivorId, merged, choices)))
        {
            Snackbar.Add(L["Duplicates.Merged"], Severity.Success);
            Dialog.Close(DialogResult.Ok(survivorId));
            Navigation.NavigateTo($"/customers/{survivorId}");
        }

        _merging = false;
    }
}
