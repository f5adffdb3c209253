using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Changes;
using SalesHub.Core.Inventory;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Quotes.Components;

/// <summary>
/// The lines of a quote (or a new order) being built. Beside each quantity it shows what is available of the
/// line's product, read for all lines in one query and read again when the stock of one of them changes.
/// </summary>
public partial class QuoteLinesTable
{
    private static readonly string[] WatchedTypes = [StockLedger.StockChange, nameof(Warehouse), nameof(Product)];

    private MudAutocomplete<ProductRow> _picker = default!;
    private IReadOnlyDictionary<int, ProductAvailability> _availability = new Dictionary<int, ProductAvailability>();
    private HashSet<int> _availabilityFor = [];

    [Parameter, EditorRequired]
    public QuoteForm Form { get; set; } = default!;

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public string Currency { get; set; } = "";

    /// <summary>The message to show beside a field ("lines[0].quantity"), or null.</summary>
    [Parameter, EditorRequired]
    public Func<string, string?> ErrorFor { get; set; } = _ => null;

    /// <summary>Called after every change of the lines, once the form has repriced itself.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Inject]
    private ProductCatalog Catalog { get; set; } = default!;

    [Inject]
    private SalesHub.Core.Catalog.PriceLists PriceLists { get; set; } = default!;

    [Inject]
    private StockLevels Stock { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private HashSet<int> ProductIds => Form.Lines.Select(l => l.ProductId).ToHashSet();

    // The parent may hand over other lines (a reloaded quote): availability follows the products on them.
    protected override Task OnParametersSetAsync() => ProductIds.SetEquals(_availabilityFor) ? Task.CompletedTask : LoadAvailabilityAsync();

    private async Task LoadAvailabilityAsync()
    {
        var products = ProductIds;
        _availability = await Stock.AvailabilityAsync(await CurrentActor.GetAsync(), products);
        _availabilityFor = products;
    }

    /// <summary>Stock of a product on the lines moved, a warehouse changed, or such a product now tracks stock or not.</summary>
    private async Task OnStockChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Any(c => c.EntityType == nameof(Warehouse) || _availabilityFor.Contains(c.EntityId)))
        {
            await LoadAvailabilityAsync();
        }
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        Form.Recalculate();
        if (!ProductIds.SetEquals(_availabilityFor))
        {
            await LoadAvailabilityAsync();
        }

        await OnChanged.InvokeAsync();
    }

    private Task RemoveAsync(QuoteFormLine line) => ChangeAsync(() => Form.Lines.Remove(line));

    private async Task AddAsync(ProductRow? product)
    {
        if (product is null || Form.CustomerId is not { } customerId)
        {
            return;
        }

        var price = await PriceLists.PriceForAsync(await CurrentActor.GetAsync(), customerId, product.Id);
        await ChangeAsync(() => Form.Lines.Add(QuoteFormLine.From(product, price.UnitPrice)));
        await _picker.ClearAsync();
    }

    private async Task<IEnumerable<ProductRow>> SearchProductsAsync(string? text, CancellationToken cancellationToken)
    {
        var page = await Catalog.ListAsync(await CurrentActor.GetAsync(), new ProductQuery { Search = text, Active = true, PageSize = 20 }, cancellationToken);
        return page.Items;
    }
}
