using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Products.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Products;

/// <summary>The product list: search and filters run in SQL; managers and administrators see costs and edit.</summary>
public partial class ProductList
{
    private static readonly string[] WatchedTypes = [nameof(Product)];
    private static readonly int[] PageSizes = [25, 50, 100];

    // Grid column property names → the sort fields ProductCatalog knows.
    private static readonly Dictionary<string, string> SortFields = new()
    {
        [nameof(ProductRow.Sku)] = "sku",
        [nameof(ProductRow.NameEn)] = "nameEn",
        [nameof(ProductRow.Category)] = "category",
        [nameof(ProductRow.ListPrice)] = "listPrice",
        [nameof(ProductRow.TaxRate)] = "taxRate",
    };

    private MudDataGrid<ProductRow> _grid = default!;
    private ProductQuery _query = new();
    private Actor _actor = Actor.Nobody;
    private bool _canEdit;
    private IReadOnlyList<string> _categories = [];

    [Inject]
    private ProductCatalog Catalog { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canEdit = _actor.IsManagerOrAdmin;
        _categories = await Catalog.CategoriesAsync(_actor);
    }

    private async Task<GridData<ProductRow>> LoadAsync(GridState<ProductRow> state, CancellationToken cancellationToken)
    {
        _query = _query with { Sort = GridSort.From(state, SortFields), Page = state.Page + 1, PageSize = state.PageSize };
        var page = await Catalog.ListAsync(_actor, _query, cancellationToken);
        return new GridData<ProductRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(ProductQuery query)
    {
        _query = query;
        await _grid.ReloadServerData();
    }

    private async Task ReloadAsync()
    {
        _categories = await Catalog.CategoriesAsync(_actor);
        await _grid.ReloadServerData();
    }

    private async Task EditAsync(ProductRow? product)
    {
        var parameters = new DialogParameters<ProductDialog> { { d => d.Product, product }, { d => d.Categories, _categories } };
        var title = product is null ? L["Products.New"] : L["Products.Edit", product.Sku];
        var dialog = await Dialogs.ShowAsync<ProductDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(ProductRow product)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Products.Delete"], L["Products.DeleteConfirm", product.Sku],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true && await new FieldErrors(Messages, Snackbar).TryAsync(() => Catalog.DeleteAsync(_actor, product.Id, product.Version)))
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }
}
