using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo catalogue a new installation starts with, seeded as the app seeds it at start-up.</summary>
public sealed class DemoProductsTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task TheCatalogueHasProductsInSeveralCategoriesAtEveryTaxRateNamedInBothLanguages()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);

        var products = (await core.Get<ProductCatalog>().ListAsync(manager, new ProductQuery { PageSize = ProductCatalog.MaxPageSize })).Items;

        Assert.InRange(products.Count, 18, 25);
        Assert.Equal([0m, 6m, 9m, 13m], products.Select(p => p.TaxRate).Distinct().Order());
        Assert.True(products.Select(p => p.Category).Distinct().Count() >= 5);
        Assert.All(products, p => Assert.True(p.NameEn is { Length: > 0 } && p.NameZh is { Length: > 0 } && p.Cost is not null && p.ListPrice > 0m, p.Sku));
        Assert.Contains(products, p => !p.IsActive);
    }

    [Fact]
    public async Task ADemoCustomerOnTheKeyAccountListStartsBelowTheListPrice()
    {
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var customer = Assert.Single((await core.Get<CustomerDirectory>().ListAsync(rep, new CustomerQuery { Search = "上海华联贸易有限公司" })).Items);
        var pump = Assert.Single((await core.Get<ProductCatalog>().ListAsync(rep, new ProductQuery { Search = "PMP-CD-50" })).Items);

        var price = await core.Get<PriceLists>().PriceForAsync(rep, customer.Id, pump.Id, DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Equal((12800m, 11776m, "重点客户价 Key accounts"), (price.ListPrice, price.UnitPrice, price.PriceListName));
        Assert.Equal(2, Assert.Single(await core.Get<PriceLists>().ListAsync(rep)).CustomerCount);
    }

    [Fact]
    public async Task SeedingAgainAddsNoProducts()
    {
        await using (var scope = core.Services.CreateAsyncScope())
        {
            await DemoCompany.SeedAsync(scope.ServiceProvider);
        }

        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        Assert.Equal(22, (await core.Get<ProductCatalog>().ListAsync(admin, new ProductQuery())).Total);
        Assert.Single(await core.Get<PriceLists>().ListAsync(admin));
    }
}
