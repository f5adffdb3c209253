using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Catalog;

public sealed class PriceListsTests : IDisposable
{
    private static readonly DateOnly May1 = new(2026, 5, 1);
    private static readonly DateOnly May31 = new(2026, 5, 31);

    private readonly CatalogCompany _company = new();

    private PriceLists PriceLists => _company.PriceLists;

    private Actor Martin => Actor.For(_company.Martin);

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task ACustomerWithoutAListPaysTheListPrice()
    {
        var product = await _company.AddProductAsync(listPrice: 1000m);

        var price = await PriceLists.PriceForAsync(Rita, _company.RitasCustomer.Id, product, May1);

        Assert.Equal(new StartingPrice(product, 1000m, 1000m, null, null), price);
    }

    [Fact]
    public async Task ACustomerOnAValidListStartsFromItsPriceAndKnowsWhichListItCameFrom()
    {
        var pump = await _company.AddProductAsync("PUMP", listPrice: 1000m);
        var valve = await _company.AddProductAsync("VALVE", listPrice: 200m);
        var other = await _company.AddProductAsync("OTHER", listPrice: 50m);
        var list = await PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", May1, May31), [new PriceRule(pump, 10m, null), new PriceRule(valve, null, 150m)]);
        await PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, list);

        var customer = _company.RitasCustomer.Id;
        Assert.Equal(new StartingPrice(pump, 1000m, 900m, list, "Key accounts"), await PriceLists.PriceForAsync(Rita, customer, pump, May1));
        Assert.Equal(new StartingPrice(valve, 200m, 150m, list, "Key accounts"), await PriceLists.PriceForAsync(Rita, customer, valve, May31));
        Assert.Equal(new StartingPrice(other, 50m, 50m, null, null), await PriceLists.PriceForAsync(Rita, customer, other, May1));
    }

    [Fact]
    public async Task AListOutsideItsDatesOrInactiveIsIgnored()
    {
        var pump = await _company.AddProductAsync("PUMP", listPrice: 1000m);
        var list = await PriceLists.CreateAsync(Martin, new PriceListDetails("Spring", May1, May31), [new PriceRule(pump, null, 800m)]);
        await PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, list);
        var customer = _company.RitasCustomer.Id;

        Assert.Equal(1000m, (await PriceLists.PriceForAsync(Rita, customer, pump, May31.AddDays(1))).UnitPrice);
        Assert.Equal(1000m, (await PriceLists.PriceForAsync(Rita, customer, pump, May1.AddDays(-1))).UnitPrice);

        await PriceLists.UpdateAsync(Martin, list, new PriceListDetails("Spring", May1, May31, IsActive: false), [new PriceRule(pump, null, 800m)], 1);
        Assert.Equal(new StartingPrice(pump, 1000m, 1000m, null, null), await PriceLists.PriceForAsync(Rita, customer, pump, May1));
    }

    [Fact]
    public async Task APriceForACustomerTheRepCannotSeeIsNotFound()
    {
        var pump = await _company.AddProductAsync();

        await Assert.ThrowsAsync<RecordNotFoundException>(() => PriceLists.PriceForAsync(Actor.For(_company.Sam), _company.RitasCustomer.Id, pump, May1));
    }

    [Fact]
    public async Task OnlyManagersAndAdminsKeepListsAndAssignThem()
    {
        var pump = await _company.AddProductAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => PriceLists.CreateAsync(Rita, new PriceListDetails("Mine", null, null), [new PriceRule(pump, 50m, null)]));
        var list = await PriceLists.CreateAsync(Actor.For(_company.Admin), new PriceListDetails("Key accounts", null, null), []);
        await Assert.ThrowsAsync<ForbiddenException>(() => PriceLists.AssignAsync(Rita, _company.RitasCustomer.Id, list));
        Assert.Equal(0, Assert.Single(await PriceLists.ListAsync(Rita)).CustomerCount);
    }

    [Fact]
    public async Task ListsHaveUniqueNamesAndKnownProducts()
    {
        await PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", null, null), []);

        var taken = await Assert.ThrowsAsync<DomainException>(() => PriceLists.CreateAsync(Martin, new PriceListDetails(" Key accounts ", null, null), []));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => PriceLists.CreateAsync(Martin, new PriceListDetails("Other", null, null), [new PriceRule(999, 5m, null)]));

        Assert.Equal(("PriceLists.NameTaken", "name"), (taken.Code, taken.Field));
        Assert.Equal(("PriceLists.UnknownProduct", "items[0].productId"), (unknown.Code, unknown.Field));
    }

    [Fact]
    public async Task ChangingOnlyTheItemsRaisesTheVersionAndAStaleChangeIsRefused()
    {
        var pump = await _company.AddProductAsync("PUMP", listPrice: 1000m);
        var list = await PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", null, null), [new PriceRule(pump, 10m, null)]);

        await PriceLists.UpdateAsync(Martin, list, new PriceListDetails("Key accounts", null, null), [new PriceRule(pump, null, 700m)], 1);

        var view = await PriceLists.GetAsync(Rita, list);
        Assert.Equal((2L, 700m), (view.Version, Assert.Single(view.Items).UnitPrice));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            PriceLists.UpdateAsync(Actor.For(_company.Admin), list, new PriceListDetails("Key accounts", null, null), [], 1));
        Assert.Single((await PriceLists.GetAsync(Rita, list)).Items);
    }

    [Fact]
    public async Task AListShowsTheCustomersOnItThatTheActorSees()
    {
        var list = await PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", null, null), []);
        await PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, list);

        Assert.Equal([new PriceListCustomer(_company.RitasCustomer.Id, "上海华联有限公司")], await PriceLists.CustomersAsync(Rita, list));
        Assert.Empty(await PriceLists.CustomersAsync(Actor.For(_company.Sam), list));

        await PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, null);
        Assert.Empty(await PriceLists.CustomersAsync(Rita, list));
    }

    [Fact]
    public async Task DeletingAListPutsItsCustomersBackOnListPrices()
    {
        var pump = await _company.AddProductAsync("PUMP", listPrice: 1000m);
        var list = await PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", null, null), [new PriceRule(pump, 10m, null)]);
        await PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, list);
        Assert.Equal(1, (await PriceLists.ListAsync(Rita)).Single().CustomerCount);

        await PriceLists.DeleteAsync(Martin, list, 1);

        Assert.Equal(1000m, (await PriceLists.PriceForAsync(Rita, _company.RitasCustomer.Id, pump, May1)).UnitPrice);
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        Assert.Null(await db.Customers.Where(c => c.Id == _company.RitasCustomer.Id).Select(c => c.PriceListId).SingleAsync());
    }

    public void Dispose() => _company.Dispose();
}
