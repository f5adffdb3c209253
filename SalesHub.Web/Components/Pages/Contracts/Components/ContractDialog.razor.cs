using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Contracts;
using SalesHub.Core.Errors;
using SalesHub.Web.Components.Pages.Quotes.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Contracts.Components;

/// <summary>
/// The contract form. Closes with the contract's id when saved, or with the conflict when somebody changed it meanwhile.
/// A refusal of something the form has no field for (the status) shows as a snackbar.
/// </summary>
public sealed partial class ContractDialog
{
    private static readonly HashSet<string> FormFields = ["customerId", "title", "startsOn", "endsOn", "amount", "renewalReminderDays", "signedOn", "notes", "orderId"];

    private readonly ContractForm _form = new();
    private FieldErrors _errors = default!;
    private CustomerChoice? _customer;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The draft to change, as the page shows it; null for a new contract.</summary>
    [Parameter]
    public ContractView? Contract { get; set; }

    /// <summary>The customer a new contract is for, when the page already knows it.</summary>
    [Parameter]
    public int? CustomerId { get; set; }

    /// <summary>The order a new contract is for, if any (one of the customer's).</summary>
    [Parameter]
    public int? OrderId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _errors = new FieldErrors(Messages, Snackbar);
        if (Contract is { } contract)
        {
            _form.Fill(contract);
        }
        else
        {
            // A new contract usually runs a year from today.
            var today = Clock.GetUtcNow().UtcDateTime.Date;
            (_form.StartsOn, _form.EndsOn, _form.RenewalReminderDays) = (today, today.AddYears(1).AddDays(-1), (await Company.GetAsync()).Details.ContractReminderDays);
        }
    }

    private async Task SaveAsync()
    {
        _errors.Clear();
        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            if (Contract is { } contract)
            {
                await Contracts.UpdateAsync(actor, contract.Id, _form.ToTerms(), contract.Version);
                Dialog.Close(DialogResult.Ok(contract.Id));
            }
            else
            {
                var customerId = CustomerId ?? _customer?.Id ?? throw new DomainException("Errors.Required") { Field = "customerId" };
                Dialog.Close(DialogResult.Ok(await Contracts.CreateAsync(actor, _form.ToDraft(customerId, OrderId))));
            }
        }
        catch (ConcurrencyConflictException conflict)
        {
            Dialog.Close(DialogResult.Ok(conflict));
        }
        catch (DomainException refusal) when (refusal.Field is { } field && FormFields.Contains(field))
        {
            _errors.Show(refusal);
        }
        catch (DomainException refusal)
        {
            Snackbar.Add(Messages.Describe(refusal), Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }
}

/// <summary>What the contract form holds while a person types; dates as the date pickers keep them.</summary>
public sealed class ContractForm
{
    public string? Title { get; set; }

    public DateTime? StartsOn { get; set; }

    public DateTime? EndsOn { get; set; }

    public decimal Amount { get; set; }

    public int RenewalReminderDays { get; set; }

    public DateTime? SignedOn { get; set; }

    public string? Notes { get; set; }

    public void Fill(ContractView contract)
    {
        (Title, Amount, RenewalReminderDays, Notes) = (contract.Title, contract.Amount, contract.RenewalReminderDays, contract.Notes);
        (StartsOn, EndsOn, SignedOn) = (Date(contract.StartsOn), Date(contract.EndsOn), contract.SignedOn is { } signed ? Date(signed) : null);
    }

    public ContractTerms ToTerms() => new(Title, Day(StartsOn), Day(EndsOn), Amount, RenewalReminderDays, Day(SignedOn), Notes);

    public ContractDraft ToDraft(int customerId, int? orderId) =>
        new(customerId, orderId, Title, Day(StartsOn), Day(EndsOn), Amount, RenewalReminderDays, Day(SignedOn), Notes);

    public static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? Day(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;
}
