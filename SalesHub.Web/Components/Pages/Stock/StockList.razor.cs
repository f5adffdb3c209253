using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Stock.Components;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Stock;

/// <summary>
/// Stock per product and warehouse, read from the maintained balances and paged in SQL; it follows every
/// movement live. Managers and administrators book receipts, counts and transfers from a row.
/// </summary>
public partial class StockList
{
    private static readonly string[] WatchedTypes = [StockLedger.StockChange, nameof(Warehouse), nameof(Product)];
    private static readonly int[] PageSizes = [50, 100, 200];

    private MudDataGrid<StockLevelRow> _grid = default!;
    private StockLevelQuery _query = new();
    private Actor _actor = Actor.Nobody;
    private bool _canBook;
    private IReadOnlyList<WarehouseRow> _warehouses = [];

    [Inject]
    private StockLevels Levels { get; set; } = default!;

    [Inject]
    private Warehouses Warehouses { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private static string Language => CultureInfo.CurrentUICulture.Name;

    internal static string Quantity(decimal quantity) => quantity.ToString("#,0.###", CultureInfo.CurrentCulture);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canBook = _actor.IsManagerOrAdmin;
        _warehouses = await Warehouses.ListAsync(_actor);
    }

    private async Task<GridData<StockLevelRow>> LoadAsync(GridState<StockLevelRow> state, CancellationToken cancellationToken)
    {
        _query = _query with { Page = state.Page + 1, PageSize = state.PageSize };
        var page = await Levels.ListAsync(_actor, _query, cancellationToken);
        return new GridData<StockLevelRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(StockLevelQuery query)
    {
        _query = query;
        await _grid.ReloadServerData();
    }

    private async Task ReloadAsync()
    {
        _warehouses = await Warehouses.ListAsync(_actor);
        await _grid.ReloadServerData();
    }

    private async Task BookAsync(StockLevelRow row)
    {
        if (await StockEntryDialog.ShowAsync(Dialogs, L["Stock.BookTitle", row.Sku], row.ProductId, row.WarehouseId, _warehouses))
        {
            await ReloadAsync();
        }
    }
}
