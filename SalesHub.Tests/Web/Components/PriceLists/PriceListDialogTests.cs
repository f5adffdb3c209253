using Bunit;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Tests.Web.Components.Products;
using SalesHub.Web.Components.Pages.PriceLists.Components;

namespace SalesHub.Tests.Web.Components.PriceLists;

public sealed class PriceListDialogTests : CatalogDialogTest
{
    [Fact]
    public async Task AnExistingListShowsItsCustomersOnTheirOwnTab()
    {
        var lists = Get<SalesHub.Core.Catalog.PriceLists>();
        var list = await lists.CreateAsync(ManagerActor, new PriceListDetails("Key accounts", null, null), []);
        var customer = (await Get<CustomerDirectory>().ListAsync(ManagerActor, new CustomerQuery())).Items.Single();
        await lists.AssignAsync(ManagerActor, customer.Id, list);

        await ShowAsync(list);
        Provider.WaitForAssertion(() => Assert.Equal("Key accounts", Input("price-list-name").GetAttribute("value")));
        Provider.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Customers").Click();

        Provider.WaitForAssertion(() => Assert.Equal(
            ["上海华联贸易有限公司"], Provider.FindAll("[data-testid=price-list-customer]").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task AnEmptyNameAndADiscountOverAHundredPercentAreExplainedBesideTheirFieldsAndNothingIsSaved()
    {
        var dialog = await ShowAsync(null);

        Provider.Find("[data-testid=price-list-item-add]").Click();
        Input("price-list-item-value").Change("120");
        Save();
        AssertRefusedBeside(dialog, "price-list-name", "Enter the price list's name.");

        Input("price-list-name").Change("Key accounts");
        Save();
        AssertRefusedBeside(dialog, "price-list-item-value", "The discount is a percentage from 0 to 100.");
        Assert.Null(FieldMessage("price-list-name"));
        Assert.Empty(await Get<SalesHub.Core.Catalog.PriceLists>().ListAsync(ManagerActor));
    }

    private Task<IDialogReference> ShowAsync(int? priceListId) =>
        ShowAsync(new DialogParameters<PriceListDialog> { { d => d.PriceListId, priceListId } });

    private void Save() => Click("price-list-save");
}
