using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Leads.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Leads;

/// <summary>The lead list: the user's own leads, the pool every rep claims from, or (managers) the team's; filtered and paged in SQL.</summary>
public partial class LeadList
{
    private static readonly string[] WatchedTypes = [nameof(Lead)];
    private static readonly int[] PageSizes = [25, 50, 100];

    // Grid column property names → the sort fields LeadBook knows.
    private static readonly Dictionary<string, string> SortFields = new()
    {
        [nameof(LeadRow.Name)] = "name",
        [nameof(LeadRow.Company)] = "company",
        [nameof(LeadRow.Status)] = "status",
        [nameof(LeadRow.Source)] = "source",
        [nameof(LeadRow.Province)] = "province",
        [nameof(LeadRow.Industry)] = "industry",
        [nameof(LeadRow.UpdatedAt)] = "updatedAt",
    };

    private MudDataGrid<LeadRow> _grid = default!;
    private LeadQuery _query = new();
    private LeadView _view = LeadView.Mine;
    private Actor _actor = Actor.Nobody;

    private enum LeadView
    {
        Mine,
        Pool,
        Team,
        Shared,
    }

    [Inject]
    private LeadBook Book { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override async Task OnInitializedAsync() => _actor = await CurrentActor.GetAsync();

    private async Task<GridData<LeadRow>> LoadAsync(GridState<LeadRow> state, CancellationToken cancellationToken)
    {
        var (ownerId, pool) = _view switch
        {
            LeadView.Mine => (_actor.UserId, (bool?)false),
            LeadView.Pool => (null, true),
            _ => ((int?)null, false),
        };
        _query = _query with { OwnerId = ownerId, Pool = pool, SharedWithMe = _view == LeadView.Shared, Sort = GridSort.From(state, SortFields), Page = state.Page + 1, PageSize = state.PageSize };
        var page = await Book.ListAsync(_actor, _query, cancellationToken);
        return new GridData<LeadRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task ShowAsync(LeadView view)
    {
        _view = view;
        await _grid.ReloadServerData();
    }

    private async Task FilterAsync(LeadQuery query)
    {
        _query = query;
        await _grid.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        if (await OpenAsync<LeadDialog>(L["Leads.New"], [], MaxWidth.Medium))
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task EditAsync(LeadRow row)
    {
        if (await TryAsync(async () =>
            {
                var lead = await Book.GetAsync(_actor, row.Id);
                await OpenAsync<LeadDialog>(L["Leads.Edit"], new() { [nameof(LeadDialog.Lead)] = lead }, MaxWidth.Medium);
            }))
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task ChangeStatusAsync(LeadRow row) =>
        await ReloadAfterAsync(OpenAsync<LeadStatusDialog>(L["Leads.ChangeStatus"], new() { [nameof(LeadStatusDialog.Lead)] = row }, MaxWidth.ExtraSmall));

    private async Task AssignAsync(LeadRow row) =>
        await ReloadAfterAsync(OpenAsync<LeadAssignDialog>(L["Leads.Assign"], new() { [nameof(LeadAssignDialog.Lead)] = row }, MaxWidth.ExtraSmall));

    private async Task ConvertAsync(LeadRow row)
    {
        await TryAsync(async () =>
        {
            var lead = await Book.GetAsync(_actor, row.Id);
            var dialog = await Dialogs.ShowAsync<LeadConvertDialog>(
                L["Leads.Convert"], new DialogParameters { [nameof(LeadConvertDialog.Lead)] = lead }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
            if (await dialog.Result is { Canceled: false, Data: int customerId })
            {
                Navigation.NavigateTo($"/customers/{customerId}");
            }
        });
    }

    /// <summary>Takes a pooled lead; one somebody else claimed first says so, and the list shows what is left.</summary>
    private async Task ClaimAsync(LeadRow row)
    {
        if (await TryAsync(() => Book.ClaimAsync(_actor, row.Id)))
        {
            Snackbar.Add(L["Leads.Claimed", row.Name], Severity.Success);
        }

        await _grid.ReloadServerData();
    }

    private async Task ReleaseAsync(LeadRow row)
    {
        if (await TryAsync(() => Book.ReleaseAsync(_actor, row.Id, row.Version)))
        {
            Snackbar.Add(L["Leads.Released", row.Name], Severity.Success);
        }

        await _grid.ReloadServerData();
    }

    private async Task ReloadAfterAsync(Task<bool> dialog)
    {
        if (await dialog)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<bool> OpenAsync<TDialog>(string title, DialogParameters parameters, MaxWidth width)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = width, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    private async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException error)
        {
            Snackbar.Add(Messages.Describe(error), Severity.Error);
            return false;
        }
    }
}
