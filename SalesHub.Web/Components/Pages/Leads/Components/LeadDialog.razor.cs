using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Leads.Components;

/// <summary>
/// Creates a lead or edits one. Likely duplicates among customers and leads show as soon as the name,
/// company, phone or e-mail is typed, and a save the Core refuses as a duplicate can be confirmed.
/// </summary>
public partial class LeadDialog
{
    private FieldErrors _errors = default!;
    private Actor _actor = Actor.Nobody;
    private IReadOnlyList<UserChip> _owners = [];
    private IReadOnlyList<DuplicateMatch> _customerMatches = [];
    private IReadOnlyList<LeadMatch> _leadMatches = [];
    private bool _refusedAsDuplicate;

    private string _name = "";
    private string? _company;
    private string? _title;
    private string? _phone;
    private string? _email;
    private string? _weChatId;
    private string? _province;
    private string? _city;
    private string? _industry;
    private LeadSource _source = LeadSource.Other;
    private string? _notes;
    private int? _ownerId;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The lead to edit; null to create one.</summary>
    [Parameter]
    public LeadProfile? Lead { get; set; }

    [Inject]
    private LeadBook Book { get; set; } = default!;

    [Inject]
    private CustomerLookups Lookups { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool HasMatches => _customerMatches.Count + _leadMatches.Count > 0;

    private LeadDetails Details => new(_name, _company, _title, _phone, _email, _weChatId, _province, _city, _industry, _source, _notes);

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _owners = await Lookups.OwnersAsync(_actor);
        _ownerId = _actor.UserId;
        if (Lead is { Details: var d })
        {
            (_name, _company, _title, _phone, _email, _weChatId, _province, _city, _industry, _source, _notes) =
                (d.Name, d.Company, d.Title, d.Phone, d.Email, d.WeChatId, d.Province, d.City, d.Industry, d.Source, d.Notes);
        }
    }

    private async Task CheckDuplicatesAsync()
    {
        try
        {
            var found = await Book.FindDuplicatesAsync(_actor, Details, Lead?.Id);
            (_customerMatches, _leadMatches) = (found?.Customers ?? [], found?.Leads ?? []);
        }
        catch (DomainException)
        {
            // Half-typed input (no name yet, a phone being typed) is checked when saved.
        }
    }

    private async Task SaveAsync(bool ignoreDuplicates)
    {
        int? createdId = null;
        var saved = await _errors.TryAsync(async () =>
        {
            try
            {
                if (Lead is null)
                {
                    createdId = await Book.CreateAsync(_actor, new NewLead(Details, _ownerId, ignoreDuplicates));
                }
                else
                {
                    await Book.UpdateAsync(_actor, Lead.Id, new LeadChanges(Details, Lead.Version, ignoreDuplicates));
                }
            }
            catch (LikelyDuplicateLeadException duplicate)
            {
                (_customerMatches, _leadMatches) = (duplicate.Customers, duplicate.Leads);
                _refusedAsDuplicate = true;
                throw;
            }
        });
        if (saved)
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            Dialog.Close(DialogResult.Ok(createdId ?? Lead!.Id));
        }
    }
}
