using Bunit;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Web.Components.Pages.Products.Components;

namespace SalesHub.Tests.Web.Components.Products;

public sealed class ProductDialogTests : CatalogDialogTest
{
    private ProductCatalog Catalog => Get<ProductCatalog>();

    [Fact]
    public async Task EachBadFieldIsExplainedBesideItAndNothingIsSavedUntilAllAreRight()
    {
        var dialog = await ShowAsync(null);

        Save();
        AssertRefusedBeside(dialog, "product-sku", "Enter the SKU.");

        Input("product-sku").Change("pump-100");
        Save();
        AssertRefusedBeside(dialog, "product-name-en", "Enter the English or the Chinese name.");
        Assert.Null(FieldMessage("product-sku"));

        Input("product-name-zh").Change("水泵");
        Input("product-unit").Change("台");
        Input("product-list-price").Change("-5");
        Save();
        AssertRefusedBeside(dialog, "product-list-price", "Cannot be negative.");

        Input("product-list-price").Change("1999.90");
        Input("product-tax-rate").Change("130");
        Save();
        AssertRefusedBeside(dialog, "product-tax-rate", "The tax rate is a percentage from 0 to 100.");
        Assert.Null(FieldMessage("product-list-price"));
        Assert.Equal(0, (await Catalog.ListAsync(ManagerActor, new ProductQuery())).Total);

        Input("product-tax-rate").Change("13");
        Input("product-cost").Change("1200");
        Save();

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var saved = Assert.Single((await Catalog.ListAsync(ManagerActor, new ProductQuery())).Items);
        Assert.Equal(("PUMP-100", "水泵", "台", 1999.90m, (decimal?)1200m, 13m), (saved.Sku, saved.NameZh, saved.Unit, saved.ListPrice, saved.Cost, saved.TaxRate));
    }

    [Fact]
    public async Task AnEditStartsFromTheProductAndKeepsItsSku()
    {
        var id = await Catalog.CreateAsync(ManagerActor, new ProductDetails("VALVE-1", "Valve", null, "Valves", "件", 80m, 50m, 9m));
        var dialog = await ShowAsync(await Catalog.GetAsync(ManagerActor, id));

        Assert.Equal("VALVE-1", Input("product-sku").GetAttribute("value"));
        Input("product-list-price").Change("85");
        Save();

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var product = await Catalog.GetAsync(ManagerActor, id);
        Assert.Equal((85m, 9m, 2L), (product.ListPrice, product.TaxRate, product.Version));
    }

    [Fact]
    public async Task AServiceStartsWithoutStockAndTheSwitchTurnsStockKeepingOn()
    {
        var id = await Catalog.CreateAsync(ManagerActor, new ProductDetails("SRV-INSTALL", "Installation", null, "Services", "次", 2800m, 1500m, 6m, TracksStock: false));
        var dialog = await ShowAsync(await Catalog.GetAsync(ManagerActor, id));

        Assert.False(Input("product-tracks-stock").HasAttribute("checked"));
        Input("product-tracks-stock").Change(true);
        Save();

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.True((await Catalog.GetAsync(ManagerActor, id)).TracksStock);
    }

    private Task<IDialogReference> ShowAsync(ProductRow? product) =>
        ShowAsync(new DialogParameters<ProductDialog> { { d => d.Product, product }, { d => d.Categories, ["Pumps"] } });

    private void Save() => Click("product-save");
}
