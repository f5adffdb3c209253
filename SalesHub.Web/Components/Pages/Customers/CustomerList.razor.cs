using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Customers.Components;
using SalesHub.Web.Security;

using SalesHub.Web.Components.Shared;

namespace SalesHub.Web.Components.Pages.Customers;

/// <summary>The customer list: filters and search run in SQL, one page at a time, for what the user may see.</summary>
public partial class CustomerList
{
    // Grades and tags show in the rows and the filters, by name and colour.
    private static readonly string[] WatchedTypes = [nameof(Customer), nameof(Tag), nameof(CustomerGrade)];
    private static readonly int[] PageSizes = [25, 50, 100];

    // Grid column property names → the sort fields CustomerDirectory knows.
    private static readonly Dictionary<string, string> SortFields = new()
    {
        [nameof(CustomerRow.Name)] = "name",
        [nameof(CustomerRow.GradeName)] = "grade",
        [nameof(CustomerRow.Status)] = "status",
        [nameof(CustomerRow.Province)] = "province",
        [nameof(CustomerRow.Industry)] = "industry",
        [nameof(CustomerRow.LastInteractionAt)] = "lastInteractionAt",
        [nameof(CustomerRow.UpdatedAt)] = "updatedAt",
    };

    private MudDataGrid<CustomerRow> _grid = default!;
    private CustomerQuery _query = new();
    private HashSet<CustomerRow> _selected = [];
    private Actor _actor = Actor.Nobody;
    private IReadOnlyList<GradeChip> _grades = [];
    private IReadOnlyList<TagChip> _tags = [];
    private IReadOnlyList<UserChip> _owners = [];
    private IReadOnlyList<TeamChip> _teams = [];

    [Inject]
    private CustomerDirectory Directory { get; set; } = default!;

    [Inject]
    private CustomerLookups Lookups { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _grades = await Lookups.GradesAsync(_actor);
        _tags = await Lookups.TagsAsync(_actor);
        _owners = await Lookups.OwnersAsync(_actor);
        _teams = await Lookups.TeamsAsync(_actor);
    }

    private async Task<GridData<CustomerRow>> LoadAsync(GridState<CustomerRow> state, CancellationToken cancellationToken)
    {
        _query = _query with { Sort = GridSort.From(state, SortFields), Page = state.Page + 1, PageSize = state.PageSize };
        var page = await Directory.ListAsync(_actor, _query, cancellationToken);
        return new GridData<CustomerRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(CustomerQuery query)
    {
        _query = query;
        _selected = [];
        await _grid.ReloadServerData();
    }

    private async Task ReloadAsync()
    {
        _grades = await Lookups.GradesAsync(_actor);
        _tags = await Lookups.TagsAsync(_actor);
        await _grid.ReloadServerData();
    }

    private async Task AfterBulkAsync()
    {
        _selected = [];
        await _grid.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CustomerDialog>(L["Customers.New"], new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            Navigation.NavigateTo($"/customers/{id}");
        }
    }

    private async Task TransferAsync()
    {
        var dialog = await Dialogs.ShowAsync<TransferDialog>(L["Customers.Transfer"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await _grid.ReloadServerData();
        }
    }

    internal static string ChipStyle(string? color) => color is null ? "" : $"background-color:{color};color:#fff";
}
