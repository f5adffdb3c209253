using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Orders.Components;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Orders;

/// <summary>
/// One order: what was ordered, shipped and is left, and the lifecycle buttons its status and the
/// viewer's rights allow. Each button is one OrderBook call based on the version the page shows.
/// </summary>
public partial class OrderPage
{
    private static readonly string[] WatchedTypes = [nameof(Order)];

    private OrderView? _view;
    private Actor _actor = Actor.Nobody;
    private Dictionary<int, string> _owners = [];
    private string _currency = "";
    private string? _conflict;
    private bool _notFound;
    private bool _busy;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private OrderBook Orders { get; set; } = default!;

    [Inject]
    private CustomerLookups Lookups { get; set; } = default!;

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

    private string Currency => _currency;

    private IReadOnlyList<OrderLine> Lines => [.. _view!.Order.Lines.OrderBy(l => l.Position)];

    private static bool Chinese => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _owners = (await Lookups.OwnersAsync(_actor, includeInactive: true)).ToDictionary(o => o.Id, o => o.DisplayName);
        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
    }

    protected override Task OnParametersSetAsync()
    {
        _conflict = null;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Orders.GetAsync(_actor, Id);
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            (_view, _notFound) = (null, true);
        }
    }

    private string Money(decimal amount) => MoneyText.Format(amount, _currency, System.Globalization.CultureInfo.CurrentCulture);

    private static string Quantity(decimal quantity) => quantity.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture);

    private Task ConfirmAsync() => RunAsync(order => Orders.ConfirmAsync(_actor, order.Id, order.Version));

    private Task CompleteAsync() => RunAsync(order => Orders.CompleteAsync(_actor, order.Id, order.Version));

    private Task ShipAsync() => OpenAsync<ShipDialog>(L["Orders.Ship"], MaxWidth.Medium);

    private Task CancelAsync() => OpenAsync<CancelOrderDialog>(L["Orders.Cancel"], MaxWidth.Small);

    /// <summary>Opens a dialog that changes the order as the page shows it, and shows the order as it is afterwards.</summary>
    private async Task OpenAsync<TDialog>(string title, MaxWidth width)
        where TDialog : IComponent
    {
        var parameters = new DialogParameters { { nameof(ShipDialog.Order), _view!.Order } };
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = width, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: var outcome })
        {
            if (outcome is ConcurrencyConflictException conflict)
            {
                _conflict = Messages.Describe(conflict);
            }
            else
            {
                Snackbar.Add(L["Common.Saved"], Severity.Success);
            }

            await LoadAsync();
        }
    }

    /// <summary>Reserves what the short lines lack, as far as there is stock now, and says how far that went.</summary>
    private Task ReserveMissingAsync() => RunAsync(async order =>
    {
        var result = await Orders.ReserveRemainingAsync(_actor, order.Id);
        var added = Quantity(result.Added);
        return result switch
        {
            { Added: 0m } => (L["Orders.ReservedNothing"], Severity.Info),
            { Complete: true } => (L["Orders.ReservedAll", added], Severity.Success),
            _ => (L["Orders.ReservedSome", added], Severity.Warning),
        };
    });

    private Task RunAsync(Func<Order, Task> work) => RunAsync(async order =>
    {
        await work(order);
        return (L["Common.Saved"], Severity.Success);
    });

    /// <summary>Runs one OrderBook call and shows its outcome; a refusal shows as a message, a stale version as the conflict (and the order as it is now).</summary>
    private async Task RunAsync(Func<Order, Task<(string Message, Severity Severity)>> work)
    {
        _conflict = null;
        _busy = true;
        try
        {
            var (message, severity) = await work(_view!.Order);
            Snackbar.Add(message, severity);
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = Messages.Describe(conflict);
        }
        catch (DomainException refusal)
        {
            Snackbar.Add(Messages.Describe(refusal), Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private async Task OnOrdersChangedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (!_busy && _view is not null && changes.Any(c => c.EntityId == _view.Order.Id))
        {
            await LoadAsync();
        }
    }
}
