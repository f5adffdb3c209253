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

/// <summary>
/// Enters an order directly or changes a draft one: totals come from QuotePricing as the rep types;
/// OrderBook saves it as a draft or refuses it. A stale save shows what changed in between and keeps
/// what the rep typed, now based on the order as it is, so saving again keeps the rep's version.
/// </summary>
public partial class OrderEditorPage
{
    private QuoteForm? _form;
    private Order? _order;
    private Order? _readOnly;
    private string? _conflict;
    private bool _notFound;
    private Actor _actor = Actor.Nobody;
    private CustomerChoice? _customer;
    private IReadOnlyList<ContactRow> _contacts = [];
    private FieldErrors _errors = default!;
    private string _currency = "";
    private bool _busy;

    /// <summary>The draft order to change; none for a new order.</summary>
    [Parameter]
    public int? Id { get; set; }

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

    private string Title => _order is null ? L["Orders.New"] : L["Orders.EditTitle", _order.Number];

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        var details = (await Company.GetAsync()).Details;
        _currency = details.CurrencySymbol;
        if (Id is { } id)
        {
            await EditAsync(id);
            return;
        }

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

    /// <summary>Opens a draft order the user may change; any other order only says it cannot be changed.</summary>
    private async Task EditAsync(int id)
    {
        if (await CurrentAsync(id) is not { } view)
        {
            return;
        }

        if (!view.CanEdit || !view.Order.IsEditable)
        {
            _readOnly = view.Order;
            return;
        }

        _order = view.Order;
        _form = FormOf(view.Order);
        _customer = new CustomerChoice(view.Order.CustomerId, view.Order.CustomerName);
        try
        {
            _contacts = await Contacts.ListAsync(_actor, view.Order.CustomerId);
        }
        catch (RecordNotFoundException)
        {
            // The order is still the rep's while its customer no longer is (transferred, deleted).
            _contacts = [];
        }
    }

    private async Task<OrderView?> CurrentAsync(int id)
    {
        try
        {
            return await Orders.GetAsync(_actor, id);
        }
        catch (RecordNotFoundException)
        {
            _notFound = true;
            return null;
        }
    }

    /// <summary>The editor's form holding the order's lines as they were priced, and its document discount and notes.</summary>
    private static QuoteForm FormOf(Order order)
    {
        var form = new QuoteForm
        {
            CustomerId = order.CustomerId, CustomerName = order.CustomerName, ContactId = order.ContactId, Language = order.Language,
            DiscountPercent = order.DiscountPercent, DiscountAmount = order.DiscountAmount, Notes = order.Notes,
            PricesIncludeTax = order.PricesIncludeTax, TaxRounding = order.TaxRounding,
        };
        form.Lines.AddRange(order.Lines.OrderBy(l => l.Position).Select(l => new QuoteFormLine
        {
            ProductId = l.ProductId, Sku = l.Sku, NameEn = l.NameEn, NameZh = l.NameZh, Unit = l.Unit, TaxRate = l.TaxRate,
            StandardPrice = l.StandardPrice, Quantity = l.Quantity, UnitPrice = l.UnitPrice, DiscountPercent = l.DiscountPercent, DiscountAmount = l.DiscountAmount,
        }));
        form.Recalculate();
        return form;
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
        _errors.Clear();
        _conflict = null;
        if (form.CustomerId is not { } customerId)
        {
            _errors.Show(new DomainException("Quotes.CustomerRequired") { Field = "customerId" });
            return;
        }

        // The quote form's own draft, less what only a quote has (validity, terms, deal); a changed order keeps its date and warehouse.
        var quote = form.ToDraft();
        var draft = new OrderDraft(customerId, quote.ContactId, quote.Language, quote.Lines, quote.DiscountPercent, quote.DiscountAmount, quote.Notes,
            _order?.OrderDate, _order?.WarehouseId);
        _busy = true;
        try
        {
            var id = _order?.Id ?? 0;
            if (_order is null)
            {
                id = await Orders.CreateAsync(_actor, draft);
            }
            else
            {
                await Orders.UpdateDraftAsync(_actor, _order.Id, draft, _order.Version);
            }

            Snackbar.Add(L["Common.Saved"], Severity.Success);
            Navigation.NavigateTo(OrderGrid.OrderLink(id));
        }
        catch (ConcurrencyConflictException conflict)
        {
            // Show what changed, keep the form as typed, and base the next save on the order as it is now.
            _conflict = Messages.Describe(conflict);
            _order = (await CurrentAsync(_order!.Id))?.Order ?? _order;
        }
        catch (DomainException refusal)
        {
            _errors.Show(refusal);
            if (refusal.Field is "status")
            {
                Snackbar.Add(Messages.Describe(refusal), Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
