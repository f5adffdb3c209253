namespace SalesHub.Web.Components.Pages.Customers;

public partial class CustomerProfile
{
    private Task EditAsync() => Task.CompletedTask;
}
