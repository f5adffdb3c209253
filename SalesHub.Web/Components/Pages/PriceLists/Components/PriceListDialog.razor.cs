using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Web.Components.Shared;

namespace SalesHub.Web.Components.Pages.PriceLists.Components;

/// <summary>Creates or edits a price list and its items; shows it read-only to reps.</summary>
public partial class PriceListDialog
{
    private FieldErrors _errors = default!;
    private string _name = "";
    private bool _isActive = true;
    private DateTime? _validFrom;
    private DateTime? _validTo;
    private long _version;
    private List<ItemRow> _items = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The list to edit; null to create one.</summary>
    [Parameter]
    public int? PriceListId { get; set; }

    /// <summary>For reps, who may look at a list but not change it.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        if (PriceListId is { } id)
        {
            var view = await PriceLists.GetAsync(await CurrentActor.GetAsync(), id);
            (_name, _isActive, _version) = (view.Details.Name, view.Details.IsActive, view.Version);
            (_validFrom, _validTo) = (view.Details.ValidFrom?.ToDateTime(TimeOnly.MinValue), view.Details.ValidTo?.ToDateTime(TimeOnly.MinValue));
            _items = view.Items.Select(i => new ItemRow
            {
                Product = new ProductRow(i.ProductId, i.Sku, i.NameEn, i.NameZh, null, "", i.ListPrice, null, 0m, true, default, 0),
                IsFixed = i.FixedPrice is not null,
                Value = i.FixedPrice ?? i.DiscountPercent ?? 0m,
            }).ToList();
        }
    }

    private async Task<IEnumerable<ProductRow>> SearchProductsAsync(string? text, CancellationToken cancellationToken)
    {
        var page = await Catalog.ListAsync(await CurrentActor.GetAsync(), new ProductQuery { Search = text, Active = true, PageSize = 20 }, cancellationToken);
        return page.Items;
    }

    private async Task SaveAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var details = new PriceListDetails(_name, Date(_validFrom), Date(_validTo), _isActive);
        var rules = _items.Select(i => new PriceRule(i.Product?.Id ?? 0, i.IsFixed ? null : i.Value, i.IsFixed ? i.Value : null)).ToList();
        var saved = await _errors.TryAsync(() => PriceListId is { } id
            ? PriceLists.UpdateAsync(actor, id, details, rules, _version)
            : PriceLists.CreateAsync(actor, details, rules));
        if (saved)
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            Dialog.Close(DialogResult.Ok(true));
        }
    }

    private static DateOnly? Date(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    private sealed class ItemRow
    {
        public ProductRow? Product { get; set; }

        public bool IsFixed { get; set; }

        public decimal Value { get; set; }
    }
}
