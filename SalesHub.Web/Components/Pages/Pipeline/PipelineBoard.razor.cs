using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Company;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Pipeline.Components;
using SalesHub.Web.Localization;
using SalesHub.Web.Presence;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Pages.Pipeline;

/// <summary>
/// The pipeline board: a column per open stage with totals summed in SQL, cards moved by drag and drop or
/// their menu through OpportunityBook.MoveAsync. After every move, refused or not, and after anyone's save,
/// the board reloads, so a card always sits where the server says it is. A card that another user is
/// editing on the deal page says so.
/// </summary>
public partial class PipelineBoard
{
    private static readonly string[] WatchedTypes = [nameof(Opportunity)];

    private MudDropContainer<BoardCard>? _container;
    private Board? _board;
    private List<BoardCard> _cards = [];
    private OpportunityQuery _query = new();
    private StageNames _stages = StageNames.None;
    private Actor _actor = Actor.Nobody;
    private string _currency = "";
    private bool _zonesStale;
    private IReadOnlyDictionary<int, IReadOnlyList<string>> _editors = new Dictionary<int, IReadOnlyList<string>>();
    private IDisposable? _editorsWatch;

    [Inject]
    private OpportunityBook Deals { get; set; } = default!;

    [Inject]
    private PipelineStages Stages { get; set; } = default!;

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
    private RecordPresence Presence { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        // Prerendering has no circuit to update later.
        if (RendererInfo.IsInteractive)
        {
            _editorsWatch = Presence.WatchEditors(nameof(Opportunity), () => InvokeAsync(() =>
            {
                // The drop zones render their cards again only when refreshed.
                (_editors, _zonesStale) = (Presence.EditorsOf(nameof(Opportunity), _actor), true);
                StateHasChanged();
            }));
            _editors = Presence.EditorsOf(nameof(Opportunity), _actor);
        }

        _currency = (await Company.GetAsync()).Details.CurrencySymbol;
        _stages = new StageNames(await Stages.ListAsync(_actor));
        await ReloadAsync();
    }

    private async Task FilterAsync(OpportunityQuery query)
    {
        _query = query;
        await ReloadAsync();
    }

    /// <summary>The board as the server has it now; one aggregated query, cheap enough to run on every change.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            _board = await Deals.BoardAsync(_actor, _query);
        }
        catch (DomainException refusal)
        {
            Snackbar.Add(Messages.Describe(refusal), Severity.Warning);
            return;
        }

        _cards = [.. _board.Columns.SelectMany(c => c.Cards).Select(r => new BoardCard(r))];
        _zonesStale = true;
        StateHasChanged();
    }

    /// <summary>The drop zones keep the cards they last sorted until told, once the container has the new ones.</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (_zonesStale && _container is not null)
        {
            _zonesStale = false;
            _container.Refresh();
        }
    }

    private IReadOnlyList<string> EditorsOf(int id) => _editors.GetValueOrDefault(id) ?? [];

    private int Loaded(int stageId) => _cards.Count(c => c.Row.StageId == stageId);

    private async Task LoadMoreAsync(int stageId)
    {
        var more = await Deals.ColumnAsync(_actor, _query, stageId, _cards.Last(c => c.Row.StageId == stageId).Row);
        var shown = _cards.Select(c => c.Row.Id).ToHashSet();
        _cards.AddRange(more.Where(r => !shown.Contains(r.Id)).Select(r => new BoardCard(r)));
        _zonesStale = true;
    }

    private Task OnDroppedAsync(MudItemDropInfo<BoardCard> drop) =>
        drop.Item is { } card && int.TryParse(drop.DropzoneIdentifier, CultureInfo.InvariantCulture, out var stageId) && stageId != card.Row.StageId
            ? MoveAsync(card.Row, stageId)
            : ReloadAsync();

    /// <summary>Moves a card; into a lost stage only with a reason. A refused or stale move says why.</summary>
    private async Task MoveAsync(OpportunityRow card, int stageId)
    {
        if (_stages.Find(stageId)?.Kind == PipelineStageKind.Lost)
        {
            var parameters = new DialogParameters<LostReasonDialog>
            {
                { d => d.OpportunityId, card.Id },
                { d => d.DealName, card.Name },
                { d => d.Version, card.Version },
                { d => d.StageId, stageId },
            };
            var dialog = await Dialogs.ShowAsync<LostReasonDialog>(L["Opportunities.LostReasonTitle"], parameters,
                new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
            await dialog.Result;
        }
        else
        {
            try
            {
                await Deals.MoveAsync(_actor, card.Id, new OpportunityMove(stageId), card.Version);
            }
            catch (ConcurrencyConflictException conflict)
            {
                Snackbar.Add(L["Opportunities.MoveConflict", Messages.Describe(conflict)], Severity.Warning);
            }
            catch (DomainException refusal)
            {
                Snackbar.Add(Messages.Describe(refusal), Severity.Error);
            }
        }

        await ReloadAsync();
    }

    private string Money(decimal amount) => MoneyText.Format(amount, _currency, CultureInfo.CurrentCulture);

    public void Dispose() => _editorsWatch?.Dispose();
}
