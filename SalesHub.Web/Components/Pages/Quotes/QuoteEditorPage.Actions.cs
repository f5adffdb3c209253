using MudBlazor;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Web.Components.Pages.Quotes.Components;

namespace SalesHub.Web.Components.Pages.Quotes;

/// <summary>The editor's buttons: each is one QuoteBook call based on the version the page shows.</summary>
public partial class QuoteEditorPage
{
    private async Task SaveAsync()
    {
        if (await SaveDraftAsync() is { } id)
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await ShowAsync(id);
        }
    }

    private async Task SendAsync()
    {
        // Unchanged, the quote is sent as the page shows it; changed, as just saved from the page.
        var shown = _view is not null && !_dirty ? _view.Quote : null;
        var id = shown?.Id ?? await SaveDraftAsync();
        if (id is not { } quoteId)
        {
            return;
        }

        var status = QuoteStatus.Draft;
        if (await RunAsync(async () => status = await Quotes.SendAsync(_actor, quoteId, shown?.Version ?? (await Quotes.GetAsync(_actor, quoteId)).Quote.Version)))
        {
            Snackbar.Add(L[status == QuoteStatus.PendingApproval ? "Quotes.SentForApproval" : "Quotes.SentMessage"], Severity.Success);
        }

        await ShowAsync(quoteId);
    }

    private async Task DecideAsync(bool approve)
    {
        var quote = _view!.Quote;
        var parameters = new DialogParameters<ApprovalDialog>
        {
            { d => d.QuoteId, quote.Id },
            { d => d.Version, quote.Version },
            { d => d.Approve, approve },
        };
        var dialog = await Dialogs.ShowAsync<ApprovalDialog>(
            approve ? L["Quotes.Approve"] : L["Quotes.RejectApproval"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ReviseAsync()
    {
        var quote = _view!.Quote;
        var revision = 0;
        if (await RunAsync(async () => revision = await Quotes.ReviseAsync(_actor, quote.Id, quote.Version)))
        {
            Navigation.NavigateTo($"/quotes/{revision}");
        }
    }

    private async Task CloseAsync(bool accepted)
    {
        var quote = _view!.Quote;
        if (await RunAsync(() => accepted ? Quotes.AcceptAsync(_actor, quote.Id, quote.Version) : Quotes.RejectAsync(_actor, quote.Id, quote.Version)))
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    /// <summary>Creates or updates the draft; the quote's id, or null when it was refused (and nothing was saved).</summary>
    private async Task<int?> SaveDraftAsync()
    {
        var form = _form!;
        if (form.CustomerId is null)
        {
            _errors.Clear();
            _errors.Show(new DomainException("Quotes.CustomerRequired") { Field = "customerId" });
            return null;
        }

        var draft = form.ToDraft();
        int? id = null;
        var saved = await RunAsync(async () =>
        {
            if (_view is null)
            {
                id = await Quotes.CreateDraftAsync(_actor, draft);
            }
            else
            {
                await Quotes.UpdateDraftAsync(_actor, _view.Quote.Id, draft, _view.Quote.Version);
                id = _view.Quote.Id;
            }
        });
        return saved ? id : null;
    }

    /// <summary>Runs one QuoteBook call; a refusal shows beside its field, a stale version as the conflict, and reports false.</summary>
    private async Task<bool> RunAsync(Func<Task> work)
    {
        _errors.Clear();
        _conflict = null;
        _busy = true;
        try
        {
            await work();
            _dirty = false;
            return true;
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = Messages.Describe(conflict);
            return false;
        }
        catch (DomainException refusal)
        {
            _errors.Show(refusal);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Shows the saved quote: a new one gets its own address, an open one reloads.</summary>
    private async Task ShowAsync(int id)
    {
        if (Id == id)
        {
            await LoadAsync();
        }
        else
        {
            // A new quote's send refused on its page: the message stays when the page shows the saved draft.
            _keepMessages = true;
            Navigation.NavigateTo($"/quotes/{id}");
        }
    }
}
