using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Payments;

/// <summary>
/// Receivables: the totals per rep or per customer (a row narrows the orders below to it) and the orders
/// owing money, sorted and paged by <see cref="Receivables"/> in SQL. Whom the user sees is Core's
/// business (own orders, the team's, all). Recording, reversing, a plan or an order changing reloads it.
/// </summary>
public partial class ReceivablesPage
{
    private static readonly string[] WatchedTypes = [PaymentBook.PaymentsChange, nameof(Order)];
    private static readonly int[] PageSizes = [25, 50, 100];
    private const int TotalsPageSize = 20;

    // Grid column property names → the sort fields Receivables knows.
    private static readonly Dictionary<string, string> SortFields = new()
    {
        [nameof(ReceivableRow.OrderNumber)] = "number",
        [nameof(ReceivableRow.CustomerName)] = "customer",
        [nameof(ReceivableRow.OwnerName)] = "owner",
        [nameof(ReceivableRow.Total)] = "total",
        [nameof(ReceivableRow.Paid)] = "paid",
        [nameof(ReceivableRow.Outstanding)] = "outstanding",
        [nameof(ReceivableRow.OverdueAmount)] = "overdue",
        [nameof(ReceivableRow.NextDueDate)] = "nextDueDate",
    };

    private MudDataGrid<ReceivableRow> _grid = default!;
    private ReceivableQuery _query = new();
    private ReceivableGrouping _grouping = ReceivableGrouping.Owner;
    private IReadOnlyList<ReceivableTotal> _totals = [];
    private int _totalsPage = 1;
    private int _totalsPages = 1;
    private decimal _outstanding;
    private decimal _overdue;
    private string? _groupName;
    private Actor _actor = Actor.Nobody;
    private string _currency = "";

    [Inject]
    private Receivables Receivables { get; set; } = default!;

    [Inject]
    private CompanySettings Company { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
        await LoadTotalsAsync();
    }

    private string Money(decimal amount) => MoneyText.Format(amount, _currency, CultureInfo.CurrentCulture);

    /// <summary>A page of the tab's totals under the overdue filter (not narrowed to the chosen rep or customer), and their sum over all pages.</summary>
    private async Task LoadTotalsAsync()
    {
        var filter = new ReceivableQuery { OverdueOnly = _query.OverdueOnly };
        var page = await Receivables.TotalsAsync(_actor, _grouping, filter with { Page = _totalsPage, PageSize = TotalsPageSize });
        if (page.Items.Count == 0 && _totalsPage > 1)
        {
            _totalsPage = 1;
            page = await Receivables.TotalsAsync(_actor, _grouping, filter with { PageSize = TotalsPageSize });
        }

        (_totals, _totalsPages) = (page.Items, Math.Max(1, (page.Total + TotalsPageSize - 1) / TotalsPageSize));
        var sum = await Receivables.SumAsync(_actor, filter);
        (_outstanding, _overdue) = (sum.Outstanding, sum.OverdueAmount);
    }

    private async Task TotalsPageAsync(int page)
    {
        _totalsPage = page;
        await LoadTotalsAsync();
    }

    private async Task<GridData<ReceivableRow>> LoadAsync(GridState<ReceivableRow> state, CancellationToken cancellationToken)
    {
        var query = _query with { Sort = GridSort.From(state, SortFields), Page = state.Page + 1, PageSize = state.PageSize };
        var page = await Receivables.ListAsync(_actor, query, cancellationToken);
        return new GridData<ReceivableRow> { Items = page.Items, TotalItems = page.Total };
    }

    private bool IsFiltered(ReceivableTotal total) =>
        (_grouping == ReceivableGrouping.Owner ? _query.OwnerId : _query.CustomerId) == total.Id;

    private async Task FilterAsync(ReceivableQuery query)
    {
        _query = query;
        await LoadTotalsAsync();
        await _grid.ReloadServerData();
    }

    private async Task GroupAsync(int index)
    {
        _grouping = (ReceivableGrouping)index;
        (_groupName, _totalsPage) = (null, 1);
        await FilterAsync(_query with { OwnerId = null, CustomerId = null });
    }

    private Task FilterByGroupAsync(ReceivableTotal total)
    {
        _groupName = total.Name;
        return FilterAsync(_grouping == ReceivableGrouping.Owner
            ? _query with { OwnerId = total.Id, CustomerId = null }
            : _query with { CustomerId = total.Id, OwnerId = null });
    }

    private Task ClearGroupAsync()
    {
        _groupName = null;
        return FilterAsync(_query with { OwnerId = null, CustomerId = null });
    }

    private Task OnChangeAsync(IReadOnlyList<EntityChange> changes) => FilterAsync(_query);
}
