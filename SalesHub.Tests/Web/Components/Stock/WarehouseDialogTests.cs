using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Stock.Components;

namespace SalesHub.Tests.Web.Components.Stock;

public sealed class WarehouseDialogTests : DialogTest
{
    private readonly AppUser _manager;

    public WarehouseDialogTests()
    {
        _manager = new CompanyBuilder(Database).AddUser(Roles.SalesManager, name: "Martin");
        Services.AddSingleton<Warehouses>();
        SignInAndOpenDialogs(_manager);
    }

    [Fact]
    public async Task ATakenCodeIsExplainedBesideItAndANewWarehouseIsSavedOnceItIsFree()
    {
        var dialog = await ShowAsync(new DialogParameters<WarehouseDialog> { { d => d.Warehouse, null } });

        Input("warehouse-code").Change("main");
        Input("warehouse-name-en").Change("Shanghai");
        Input("warehouse-name-zh").Change("上海仓");
        Click("warehouse-save");
        AssertRefusedBeside(dialog, "warehouse-code", "The code MAIN is already used by another warehouse.");

        Input("warehouse-code").Change("sh");
        Click("warehouse-save");

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.Equal(["MAIN", "SH"], (await Get<Warehouses>().ListAsync(Actor.For(_manager))).Select(w => w.Code));
    }

    [Fact]
    public async Task TheLastActiveWarehouseStaysOpenWithTheReasonShown()
    {
        var main = Assert.Single(await Get<Warehouses>().ListAsync(Actor.For(_manager)));
        var dialog = await ShowAsync(new DialogParameters<WarehouseDialog> { { d => d.Warehouse, main } });

        Input("warehouse-active").Change(false);
        Click("warehouse-save");

        Provider.WaitForAssertion(() => Assert.Equal("At least one warehouse must stay active.", Provider.Find("[data-testid=warehouse-active-error]").TextContent));
        Assert.False(dialog.Result.IsCompleted);
        Assert.True(Assert.Single(await Get<Warehouses>().ListAsync(Actor.For(_manager))).IsActive);
    }
}
