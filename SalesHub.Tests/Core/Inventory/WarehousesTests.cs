using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Inventory;

public sealed class WarehousesTests : IDisposable
{
    private readonly StockCompany _company = new();

    private Warehouses Warehouses => _company.Warehouses;

    [Fact]
    public async Task EveryInstallationStartsWithTheMainWarehouse()
    {
        var main = Assert.Single(await Warehouses.ListAsync(Actor.For(_company.Rita)));

        Assert.Equal((Warehouse.MainId, "MAIN", "Main warehouse", "主仓库", true), (main.Id, main.Code, main.NameEn, main.NameZh, main.IsActive));
        Assert.Equal("主仓库", main.NameIn("zh-CN"));
    }

    [Fact]
    public async Task AManagerAddsAWarehouseWithANormalizedUniqueCode()
    {
        var id = await Warehouses.CreateAsync(_company.Manager, new WarehouseDetails(" sh-01 ", "Shanghai", "上海仓"));

        Assert.Equal("SH-01", (await Warehouses.ListAsync(_company.Manager)).Single(w => w.Id == id).Code);
        var taken = await Assert.ThrowsAsync<DomainException>(() => Warehouses.CreateAsync(_company.Manager, new WarehouseDetails("SH-01", "Again", "又一个")));
        Assert.Equal(("Warehouses.CodeTaken", "code"), (taken.Code, taken.Field));
        await Assert.ThrowsAsync<ForbiddenException>(() => Warehouses.CreateAsync(Actor.For(_company.Rita), new WarehouseDetails("SZ", "Shenzhen", "深圳仓")));
    }

    [Fact]
    public async Task TheLastActiveWarehouseCannotBeDeactivated()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(
            () => Warehouses.UpdateAsync(_company.Manager, Warehouse.MainId, new WarehouseDetails("MAIN", "Main warehouse", "主仓库", IsActive: false), 1));
        Assert.Equal(("Warehouses.LastActive", "isActive"), (refused.Code, refused.Field));

        await _company.AddWarehouseAsync("SH");
        await Warehouses.UpdateAsync(_company.Manager, Warehouse.MainId, new WarehouseDetails("MAIN", "Main warehouse", "主仓库", IsActive: false), 1);

        Assert.Equal(["MAIN", "SH"], (await Warehouses.ListAsync(_company.Manager, includeInactive: true)).Select(w => w.Code));
        Assert.Equal(["SH"], (await Warehouses.ListAsync(_company.Manager)).Select(w => w.Code));
    }

    public void Dispose() => _company.Dispose();
}
