using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Customers.Components;

/// <summary>
/// Creates a customer (with its first contact) or edits one. Likely duplicates are shown as soon as
/// the name, phone or e-mail is typed, and a save the Core refuses as a duplicate can be confirmed.
/// </summary>
public partial class CustomerDialog
{
    private FieldErrors _errors = default!;
    private Actor _actor = Actor.Nobody;
    private IReadOnlyList<GradeChip> _grades = [];
    private IReadOnlyList<TagChip> _tags = [];
    private IReadOnlyList<UserChip> _owners = [];
    private IReadOnlyList<DuplicateMatch> _matches = [];
    private bool _refusedAsDuplicate;

    private string _name = "";
    private CustomerKind _kind;
    private string? _industry;
    private string? _province;
    private string? _city;
    private string? _address;
    private string? _source;
    private int? _gradeId;
    private CustomerStatus _status;
    private string? _notes;
    private int? _ownerId;
    private IReadOnlyCollection<int> _tagIds = [];
    private string? _contactName;
    private string? _mobile;
    private string? _email;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The customer to edit; null to create one.</summary>
    [Parameter]
    public CustomerProfile? Customer { get; set; }

    [Inject]
    private CustomerDirectory Directory { get; set; } = default!;

    [Inject]
    private CustomerLookups Lookups { get; set; } = default!;

    [Inject]
    private DuplicateDetection Duplicates { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _grades = await Lookups.GradesAsync(_actor);
        _tags = await Lookups.TagsAsync(_actor);
        _owners = await Lookups.OwnersAsync(_actor);
        _ownerId = _actor.UserId;
        if (Customer is { Details: var d })
        {
            (_name, _kind, _industry, _province, _city, _address, _source, _gradeId, _status, _notes) =
                (d.Name, d.Kind, d.Industry, d.Province, d.City, d.Address, d.Source, d.GradeId, d.Status, d.Notes);
            _tagIds = Customer.Tags.Select(t => t.Id).ToList();
        }
    }

    private string TagName(int id) => _tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private CustomerDetails Details => new(_name, _kind, _industry, _province, _city, _address, _source, _gradeId, _status, _notes);

    private async Task CheckDuplicatesAsync()
    {
        var candidate = DuplicateCandidate.From(_name, [_mobile], [_email], Customer?.Id);
        _matches = await Duplicates.FindAsync(_actor, candidate);
    }

    private async Task SaveAsync(bool ignoreDuplicates)
    {
        int? createdId = null;
        var saved = await _errors.TryAsync(async () =>
        {
            try
            {
                if (Customer is null)
                {
                    var contact = string.IsNullOrWhiteSpace(_contactName) && string.IsNullOrWhiteSpace(_mobile) && string.IsNullOrWhiteSpace(_email)
                        ? null
                        : new ContactDetails(string.IsNullOrWhiteSpace(_contactName) ? _name : _contactName, null, _mobile, null, _email, null, true);
                    createdId = await Directory.CreateAsync(_actor, new NewCustomer(Details, _ownerId, [.. _tagIds], contact, ignoreDuplicates));
                }
                else
                {
                    await Directory.UpdateAsync(_actor, Customer.Id, new CustomerChanges(Details, [.. _tagIds], Customer.Version, ignoreDuplicates));
                }
            }
            catch (LikelyDuplicateException duplicate)
            {
                _matches = duplicate.Matches;
                _refusedAsDuplicate = true;
                throw;
            }
        });
        if (saved)
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            Dialog.Close(DialogResult.Ok(createdId ?? Customer!.Id));
        }
    }
}
