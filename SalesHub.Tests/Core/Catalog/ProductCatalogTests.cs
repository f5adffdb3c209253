using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Catalog;

public sealed class ProductCatalogTests : IDisposable
{
    private readonly CatalogCompany _company = new();

    private ProductCatalog Products => _company.Products;

    [Fact]
    public async Task AManagerCreatesAProductWithANormalizedSkuAndTheDefaultTaxRate()
    {
        var id = await Products.CreateAsync(Actor.For(_company.Martin), new ProductDetails("  pump-100 ", "Water pump", "水泵", "Pumps", "台", 1999.90m, 1200m));

        var product = await Products.GetAsync(Actor.For(_company.Martin), id);
        Assert.Equal(("PUMP-100", "Water pump", "水泵", 1999.90m, (decimal?)1200m, 13m, true, 1L),
            (product.Sku, product.NameEn, product.NameZh, product.ListPrice, product.Cost, product.TaxRate, product.IsActive, product.Version));
    }

    [Fact]
    public async Task ARepReadsProductsButNeverTheirCost()
    {
        var id = await _company.AddProductAsync();

        var rita = Actor.For(_company.Rita);
        Assert.Null((await Products.GetAsync(rita, id)).Cost);
        Assert.Null(Assert.Single((await Products.ListAsync(rita, new ProductQuery())).Items).Cost);
        Assert.Null(Assert.Single(await Products.ExportAsync(rita, new ProductQuery()).ToListAsync()).Cost);
        Assert.Equal(600m, (await Products.GetAsync(Actor.For(_company.Admin), id)).Cost);
    }

    [Fact]
    public async Task ARepReadsAProductsHistoryWithoutItsCost()
    {
        var id = await _company.AddProductAsync();
        var martin = Actor.For(_company.Martin);
        await Products.UpdateAsync(martin, id, CatalogCompany.Details(cost: 650.5m), 1);
        await Products.UpdateAsync(martin, id, CatalogCompany.Details(cost: 650.5m, listPrice: 1100m), 2);
        var trail = new AuditTrail(_company.Database);

        var ritas = await trail.HistoryAsync<Product>(Actor.For(_company.Rita), id);
        var martins = await trail.HistoryAsync<Product>(martin, id);

        Assert.Equal([AuditAction.Updated, AuditAction.Created], ritas.Select(e => e.Action));
        Assert.DoesNotContain(ritas.SelectMany(e => e.Changes), c => c.Field == nameof(Product.Cost));
        Assert.Equal(3, martins.Count);
        Assert.Contains(martins.SelectMany(e => e.Changes), c => c.Field == nameof(Product.Cost));
    }

    [Fact]
    public async Task ARepMayNotCreateChangeOrDeleteProducts()
    {
        var id = await _company.AddProductAsync();
        var rita = Actor.For(_company.Rita);

        await Assert.ThrowsAsync<ForbiddenException>(() => Products.CreateAsync(rita, CatalogCompany.Details("other")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Products.UpdateAsync(rita, id, CatalogCompany.Details(listPrice: 1m), 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Products.DeleteAsync(rita, id, 1));
        Assert.Equal(1000m, (await Products.GetAsync(rita, id)).ListPrice);
    }

    [Theory]
    [InlineData("", "Water pump", "台", 1, 1, 13, "Products.SkuRequired", "sku")]
    [InlineData("P1", null, "台", 1, 1, 13, "Products.NameRequired", "nameEn")]
    [InlineData("P1", "Pump", " ", 1, 1, 13, "Products.UnitRequired", "unit")]
    [InlineData("P1", "Pump", "台", -1, 1, 13, "Errors.NegativeAmount", "listPrice")]
    [InlineData("P1", "Pump", "台", 1.001, 1, 13, "Errors.TooManyDecimals", "listPrice")]
    [InlineData("P1", "Pump", "台", 1, -0.01, 13, "Errors.NegativeAmount", "cost")]
    [InlineData("P1", "Pump", "台", 1, 1, 101, "Products.InvalidTaxRate", "taxRate")]
    [InlineData("P1", "Pump", "台", 1, 1, 12.555, "Errors.TooManyDecimals", "taxRate")]
    public async Task BadInputIsRefusedWithItsFieldAndNothingIsSaved(string sku, string? nameEn, string unit, double listPrice, double cost, double taxRate, string code, string field)
    {
        var details = new ProductDetails(sku, nameEn, null, null, unit, (decimal)listPrice, (decimal)cost, (decimal)taxRate);

        var error = await Assert.ThrowsAsync<DomainException>(() => Products.CreateAsync(Actor.For(_company.Admin), details));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(0, (await Products.ListAsync(Actor.For(_company.Admin), new ProductQuery())).Total);
    }

    [Fact]
    public async Task AChineseNameAloneIsEnough()
    {
        var id = await Products.CreateAsync(Actor.For(_company.Admin), new ProductDetails("P1", null, "水泵", null, "台", 1m, 0m));

        Assert.Equal("水泵", (await Products.GetAsync(Actor.For(_company.Rita), id)).Name(chinese: false));
    }

    [Fact]
    public async Task ASkuIsUniqueWhateverItsCaseAndEvenInTheRecycleBin()
    {
        var id = await _company.AddProductAsync("pump-100");
        await Products.DeleteAsync(Actor.For(_company.Martin), id, 1);

        var error = await Assert.ThrowsAsync<DomainException>(() => _company.AddProductAsync("PUMP-100"));

        Assert.Equal(("Products.SkuTaken", "sku"), (error.Code, error.Field));
    }

    [Fact]
    public async Task AStaleUpdateIsRefusedWithWhatChanged()
    {
        var id = await _company.AddProductAsync();
        await Products.UpdateAsync(Actor.For(_company.Martin), id, CatalogCompany.Details(listPrice: 1100m), 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Products.UpdateAsync(Actor.For(_company.Admin), id, CatalogCompany.Details(listPrice: 900m), 1));

        Assert.Contains(conflict.InterveningChanges.SelectMany(c => c.Changes), f => f is { Field: "ListPrice", OldValue: "1000", NewValue: "1100" });
        Assert.Equal((1100m, 2L), ((await Products.GetAsync(Actor.For(_company.Martin), id)).ListPrice, (await Products.GetAsync(Actor.For(_company.Martin), id)).Version));
    }

    [Fact]
    public async Task ChangesAreAuditedWithOldAndNewValues()
    {
        var id = await _company.AddProductAsync();
        await Products.UpdateAsync(Actor.For(_company.Martin), id, CatalogCompany.Details(cost: 650.5m), 1);

        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var update = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Product) && a.EntityId == id && a.Action == AuditAction.Updated);
        Assert.Equal([new FieldChange("Cost", "600", "650.5")], update.Changes);
    }

    [Fact]
    public async Task TheListSearchesSkuNamesAndCategoryAndFiltersByCategoryAndActive()
    {
        await _company.AddProductAsync("PUMP-1", category: "Pumps");
        await _company.AddProductAsync("VALVE-1", category: "Valves");
        await _company.AddProductAsync("VALVE-2", category: "Valves", active: false);
        var rita = Actor.For(_company.Rita);

        async Task<string[]> Skus(ProductQuery query) => [.. (await Products.ListAsync(rita, query)).Items.Select(p => p.Sku)];

        Assert.Equal(["PUMP-1"], await Skus(new ProductQuery { Search = "pump-1" }));
        Assert.Equal(["PUMP-1"], await Skus(new ProductQuery { Search = "水泵 PUMP" }));
        Assert.Equal(["VALVE-1", "VALVE-2"], await Skus(new ProductQuery { Search = "valves" }));
        Assert.Equal(["VALVE-1"], await Skus(new ProductQuery { Category = "Valves", Active = true }));
        Assert.Equal(["VALVE-2"], await Skus(new ProductQuery { Active = false }));
        Assert.Equal(["Pumps", "Valves"], await Products.CategoriesAsync(rita));
    }

    [Fact]
    public async Task TheListPagesAndSortsInSql()
    {
        await _company.AddProductAsync("A", listPrice: 30m);
        await _company.AddProductAsync("B", listPrice: 10m);
        await _company.AddProductAsync("C", listPrice: 20m);

        var page = await Products.ListAsync(Actor.For(_company.Rita), new ProductQuery { Sort = "-listPrice", Page = 2, PageSize = 2 });

        Assert.Equal((3, "B"), (page.Total, Assert.Single(page.Items).Sku));
        var error = await Assert.ThrowsAsync<DomainException>(() => Products.ListAsync(Actor.For(_company.Rita), new ProductQuery { Sort = "cost" }));
        Assert.Equal(("Errors.InvalidSort", "sort"), (error.Code, error.Field));
    }

    [Fact]
    public async Task ADeletedProductGoesToTheRecycleBinAndComesBack()
    {
        var id = await _company.AddProductAsync();

        await Products.DeleteAsync(Actor.For(_company.Martin), id, 1);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Products.GetAsync(Actor.For(_company.Martin), id));
        var deleted = Assert.Single((await Products.ListDeletedAsync(Actor.For(_company.Admin), 1, 25)).Items);
        Assert.Equal(("PUMP-100 Water pump pump-100", "Martin"), (deleted.Name, deleted.DeletedByName));
        await Assert.ThrowsAsync<ForbiddenException>(() => Products.RestoreAsync(Actor.For(_company.Rita), id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Products.ListDeletedAsync(Actor.For(_company.Rita), 1, 25));

        await Products.RestoreAsync(Actor.For(_company.Martin), id);

        Assert.Equal(3L, (await Products.GetAsync(Actor.For(_company.Martin), id)).Version);
        Assert.Empty((await Products.ListDeletedAsync(Actor.For(_company.Admin), 1, 25)).Items);
    }

    [Fact]
    public async Task AnInactiveProductCannotBeQuoted()
    {
        var active = await _company.AddProductAsync("P1");
        var inactive = await _company.AddProductAsync("P2");
        await Products.DeactivateAsync(Actor.For(_company.Admin), inactive, 1);

        Assert.Equal(("P1", 1000m, 13m), await Products.RequireQuotableAsync(Actor.For(_company.Rita), active) is var q ? (q.Sku, q.ListPrice, q.TaxRate) : default);
        var error = await Assert.ThrowsAsync<DomainException>(() => Products.RequireQuotableAsync(Actor.For(_company.Rita), inactive));
        Assert.Equal(("Products.Inactive", "productId"), (error.Code, error.Field));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Products.RequireQuotableAsync(Actor.For(_company.Rita), 999));
    }

    public void Dispose() => _company.Dispose();
}
