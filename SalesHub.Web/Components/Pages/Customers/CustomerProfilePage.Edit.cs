using MudBlazor;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Web.Components.Pages.Customers;

public partial class CustomerProfilePage
{
    private async Task EditAsync()
    {
        var parameters = new DialogParameters<CustomerDialog> { { d => d.Customer, _profile } };
        var dialog = await Dialogs.ShowAsync<CustomerDialog>(L["Customers.Edit", _profile!.Details.Name], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }
}
