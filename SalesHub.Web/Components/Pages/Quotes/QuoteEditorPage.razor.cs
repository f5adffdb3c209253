using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Quotes.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Quotes;

/// <summary>
/// Builds a quote and moves it along: totals come from QuotePricing as the rep types; saving,
/// sending, approving, revising and closing go through QuoteBook, which refuses what is not allowed.
/// </summary>
public partial class QuoteEditorPage
{
    private static readonly string[] WatchedTypes = [nameof(Quote)];

    private QuoteView? _view;
    private QuoteForm? _form;
    private CompanySnapshot? _company;
    private Actor _actor = Actor.Nobody;
    private CustomerChoice? _customer;
    private IReadOnlyList<ContactRow> _contacts = [];
    private IReadOnlyList<OpportunityChip> _opportunities = [];
    private FieldErrors _errors = default!;
    private string? _conflict;
    private bool _notFound;
    private bool _dirty;
    private bool _busy;
    private bool _keepMessages;

    [Parameter]
    public int? Id { get; set; }

    /// <summary>The customer a new quote is for, when it is opened from the customer's profile.</summary>
    [SupplyParameterFromQuery(Name = "customerId")]
    public int? CustomerId { get; set; }

    /// <summary>The deal a new quote is for, when it is opened from the deal's page.</summary>
    [SupplyParameterFromQuery(Name = "opportunityId")]
    public int? OpportunityId { get; set; }

    [Inject]
    private QuoteBook Quotes { get; set; } = default!;

    [Inject]
    private CustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private CustomerContacts Contacts { get; set; } = default!;

    [Inject]
    private OpportunityBook Opportunities { get; set; } = default!;

    [Inject]
    private CompanySettings Company { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ErrorMessages Messages { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private bool Editable => _view is null || (_view.CanEdit && _view.Quote.Status is QuoteStatus.Draft or QuoteStatus.PendingApproval);

    private string Currency => _company?.Details.CurrencySymbol ?? "";

    private string Title => _view is { Quote: var quote } ? $"{quote.Number} v{quote.Revision}" : L["Quotes.New"];

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        _actor = await CurrentActor.GetAsync();
        _company = await Company.GetAsync();
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _dirty = false;
        if (!_keepMessages)
        {
            _conflict = null;
            _errors.Clear();
        }

        _keepMessages = false;
        if (Id is not { } id)
        {
            _view = null;
            _form = NewForm();
            if (CustomerId is { } customerId)
            {
                await ChooseCustomerAsync(await CustomerChoiceAsync(customerId));
                if (_opportunities.Any(o => o.Id == OpportunityId))
                {
                    _form.OpportunityId = OpportunityId;
                }
            }

            return;
        }

        try
        {
            _view = await Quotes.GetAsync(_actor, id);
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            (_view, _form, _notFound) = (null, null, true);
            return;
        }

        var quote = _view.Quote;
        _form = QuoteForm.From(quote);
        try
        {
            _contacts = await Contacts.ListAsync(_actor, quote.CustomerId);
        }
        catch (RecordNotFoundException)
        {
            // The quote is still the viewer's while its customer no longer is (transferred, deleted).
            _contacts = [];
        }

        _opportunities = await OpportunitiesForAsync(quote.CustomerId, quote.OpportunityId);
    }

    /// <summary>The customer's open deals to choose from, and the quote's own deal even when it is closed by now.</summary>
    private async Task<IReadOnlyList<OpportunityChip>> OpportunitiesForAsync(int customerId, int? current)
    {
        var open = await Opportunities.OpenForCustomerAsync(_actor, customerId);
        if (current is not { } id || open.Any(o => o.Id == id))
        {
            return open;
        }

        try
        {
            var deal = await Opportunities.GetAsync(_actor, id);
            return [.. open, new OpportunityChip(deal.Id, deal.Name, deal.Amount)];
        }
        catch (RecordNotFoundException)
        {
            return open;
        }
    }

    private QuoteForm NewForm()
    {
        var details = _company!.Details;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? "zh-CN" : "en";
        var form = new QuoteForm
        {
            Language = language,
            ValidUntil = Clock.GetUtcNow().UtcDateTime.Date.AddDays(details.QuoteValidityDays),
            Terms = CompanyTerms(language),
            PricesIncludeTax = details.PricesIncludeTax,
            TaxRounding = details.TaxRounding,
        };
        form.Recalculate();
        return form;
    }

    private string? CompanyTerms(string language) => language == "en" ? _company!.Details.QuoteTermsEn : _company!.Details.QuoteTermsZh;

    private async Task<CustomerChoice?> CustomerChoiceAsync(int customerId)
    {
        try
        {
            return new CustomerChoice(customerId, (await Customers.GetAsync(_actor, customerId)).Details.Name);
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The message for a field: what the pricing engine refuses as it is typed, else what the last save refused.</summary>
    private string? ErrorFor(string field) => _form is null ? _errors[field] : _form.MessageFor(field, Messages, _errors);

    private void Change(Action change)
    {
        change();
        _form!.Recalculate();
        _errors.Clear();
        _dirty = true;
    }

    private async Task ChooseCustomerAsync(CustomerChoice? customer)
    {
        _customer = customer;
        Change(() => (_form!.CustomerId, _form.CustomerName, _form.ContactId, _form.OpportunityId) = (customer?.Id, customer?.Name, null, null));
        _contacts = customer is null ? [] : await Contacts.ListAsync(_actor, customer.Id);
        _opportunities = customer is null ? [] : await OpportunitiesForAsync(customer.Id, null);
    }

    private void ChangeLanguage(string language) => Change(() =>
    {
        // Terms still as the company wrote them follow the language; edited ones stay.
        if (_form!.Terms == CompanyTerms(_form.Language))
        {
            _form.Terms = CompanyTerms(language);
        }

        _form.Language = language;
    });

    private async Task OnQuotesChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (!_dirty && !_busy && _view is not null && changes.Any(c => c.EntityId == _view.Quote.Id))
        {
            await LoadAsync();
        }
    }
}
