using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Orders.Components;
using SalesHub.Web.Components.Pages.Quotes.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Orders;

/// <summary>Enters an order directly: totals come from QuotePricing as the rep types; OrderBook saves it as a draft or refuses it.</summary>
public partial class OrderNewPage
{
    private QuoteForm? _form;
    private Actor _actor = Actor.Nobody;
    private CustomerChoice? _customer;
    private IReadOnlyList<ContactRow> _contacts = [];
    private FieldErrors _errors = default!;
    private string _currency = "";
    private bool _busy;

    /// <summary>The customer the order is for, when it is opened from the customer's profile.</summary>
    [SupplyParameterFromQuery(Name = "customerId")]
    public int? CustomerId { get; set; }

    [Inject]
    private OrderBook Orders { get; set; } = default!;

    [Inject]
    private CustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private CustomerContacts Contacts { get; set; } = default!;

    [Inject]
    private CompanySettings Company { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        var details = (await Company.GetAsync()).Details;
        _currency = details.CurrencySymbol;
        _form = new QuoteForm
        {
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? "zh-CN" : "en",
            PricesIncludeTax = details.PricesIncludeTax,
            TaxRounding = details.TaxRounding,
        };
        _form.Recalculate();
        if (CustomerId is { } customerId)
        {
            try
            {
                await ChooseCustomerAsync(new CustomerChoice(customerId, (await Customers.GetAsync(_actor, customerId)).Details.Name));
            }
            catch (RecordNotFoundException)
            {
                // Not a customer the user sees: the form starts empty.
            }
        }
    }

    /// <summary>The message for a field: what the pricing engine refuses as it is typed, else what the save refused.</summary>
    private string? ErrorFor(string field) => _form is null ? _errors[field] : _form.MessageFor(field, Messages, _errors);

    private void Change(Action change)
    {
        change();
        _form!.Recalculate();
        _errors.Clear();
    }

    private async Task ChooseCustomerAsync(CustomerChoice? customer)
    {
        _customer = customer;
        Change(() => (_form!.CustomerId, _form.CustomerName, _form.ContactId) = (customer?.Id, customer?.Name, null));
        _contacts = customer is null ? [] : await Contacts.ListAsync(_actor, customer.Id);
    }

    private async Task SaveAsync()
    {
        var form = _form!;
        if (form.CustomerId is not { } customerId)
        {
            _errors.Clear();
            _errors.Show(new DomainException("Quotes.CustomerRequired") { Field = "customerId" });
            return;
        }

        // The quote form's own draft, less what only a quote has (validity, terms, deal).
        var quote = form.ToDraft();
        var draft = new OrderDraft(customerId, quote.ContactId, quote.Language, quote.Lines, quote.DiscountPercent, quote.DiscountAmount, quote.Notes);
        var id = 0;
        _busy = true;
        try
        {
            if (await _errors.TryAsync(async () => id = await Orders.CreateAsync(_actor, draft)))
            {
                Snackbar.Add(L["Common.Saved"], Severity.Success);
                Navigation.NavigateTo(OrderGrid.OrderLink(id));
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
