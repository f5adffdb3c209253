using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Components.Pages.Customers;

/// <summary>Everything the company knows about one customer, kept current while it is open.</summary>
public partial class CustomerProfilePage
{
    // A renamed or recoloured grade or tag shows in the header too; an order may change the revenue and purchases.
    private static readonly string[] WatchedTypes = [nameof(Customer), nameof(Tag), nameof(CustomerGrade), nameof(Order)];
    private CustomerProfile? _profile;
    private bool _notFound;
    private string _currency = "";

    // Goes up whenever the customer (or one of its parts) changed, so that the open tab reloads too.
    private int _revision;

    // Goes up whenever an order changed, so that the purchased products reload.
    private int _ordersRevision;

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _profile = await Customers.GetAsync(await CurrentActor.GetAsync(), Id);
            _currency = (await Company.GetAsync()).Details.CurrencySymbol;
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            _profile = null;
            _notFound = true;
        }
    }

    private async Task OnCustomerChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        // An order's change does not say whose it is: any order reloads the figures (one query) and the purchased products.
        var orders = changes.Any(c => c.EntityType == nameof(Order));
        var customer = changes.Any(c => c.EntityType is nameof(Tag) or nameof(CustomerGrade) || (c.EntityType == nameof(Customer) && c.EntityId == Id));
        if (!orders && !customer)
        {
            return;
        }

        await LoadAsync();
        if (customer)
        {
            _revision++;
        }

        if (orders)
        {
            _ordersRevision++;
        }
    }

    private async Task DeleteAsync()
    {
        var profile = _profile!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Customers.Delete"], L["Customers.DeleteConfirm", profile.Details.Name],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var actor = await CurrentActor.GetAsync();
        var errors = new FieldErrors(Messages, Snackbar);
        if (await errors.TryAsync(() => Customers.DeleteAsync(actor, Id, profile.Version)))
        {
            Snackbar.Add(L["Customers.Deleted"], Severity.Success);
            Navigation.NavigateTo("/customers");
        }
    }

    private static Color StatusColor(CustomerStatus status) => status switch
    {
        CustomerStatus.Active => Color.Success,
        CustomerStatus.Prospect => Color.Info,
        CustomerStatus.Dormant => Color.Warning,
        _ => Color.Default,
    };

    private static string Region(CustomerDetails details) =>
        $"{details.Province} {details.City}".Trim() is { Length: > 0 } region ? region : "—";

    /// <summary>Money with the company currency (CNY until the company settings make it configurable).</summary>
    private string FormatMoney(decimal amount) => MoneyText.Format(amount, _currency, CultureInfo.CurrentCulture);
}
