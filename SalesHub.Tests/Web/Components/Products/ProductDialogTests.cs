using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Pages.Products.Components;

namespace SalesHub.Tests.Web.Components.Products;

public sealed class ProductDialogTests : ComponentTest
{
    private readonly AppUser _manager;
    private readonly IRenderedComponent<MudDialogProvider> _provider;

    public ProductDialogTests()
    {
        _manager = new CompanyBuilder(Database).AddUser(Roles.SalesManager, name: "Martin");
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton<ProductCatalog>();
        Services.AddSingleton<AuditTrail>();
        SignIn(_manager);
        _provider = Render<MudDialogProvider>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    private ProductCatalog Catalog => Services.GetRequiredService<ProductCatalog>();

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
        Assert.Equal(0, (await Catalog.ListAsync(Actor.For(_manager), new ProductQuery())).Total);

        Input("product-tax-rate").Change("13");
        Input("product-cost").Change("1200");
        Save();

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var saved = Assert.Single((await Catalog.ListAsync(Actor.For(_manager), new ProductQuery())).Items);
        Assert.Equal(("PUMP-100", "水泵", "台", 1999.90m, (decimal?)1200m, 13m), (saved.Sku, saved.NameZh, saved.Unit, saved.ListPrice, saved.Cost, saved.TaxRate));
    }

    [Fact]
    public async Task AnEditStartsFromTheProductAndKeepsItsSku()
    {
        var id = await Catalog.CreateAsync(Actor.For(_manager), new ProductDetails("VALVE-1", "Valve", null, "Valves", "件", 80m, 50m, 9m));
        var dialog = await ShowAsync(await Catalog.GetAsync(Actor.For(_manager), id));

        Assert.Equal("VALVE-1", Input("product-sku").GetAttribute("value"));
        Input("product-list-price").Change("85");
        Save();

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var product = await Catalog.GetAsync(Actor.For(_manager), id);
        Assert.Equal((85m, 9m, 2L), (product.ListPrice, product.TaxRate, product.Version));
    }

    private async Task<IDialogReference> ShowAsync(ProductRow? product)
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ProductDialog> { { d => d.Product, product }, { d => d.Categories, ["Pumps"] } };
        var reference = await _provider.InvokeAsync(() => dialogs.ShowAsync<ProductDialog>("Dialog", parameters));
        _provider.WaitForElement(".mud-dialog");
        return reference;
    }

    private AngleSharp.Dom.IElement Input(string testId) => _provider.Find($"[data-testid={testId}] input, input[data-testid={testId}]");

    private string? FieldMessage(string testId) =>
        Input(testId).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private void AssertRefusedBeside(IDialogReference dialog, string testId, string message)
    {
        _provider.WaitForAssertion(() => Assert.Equal(message, FieldMessage(testId)));
        Assert.False(dialog.Result.IsCompleted);
    }

    private void Save() => _provider.Find("[data-testid=product-save]").Click();
}
