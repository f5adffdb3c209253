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
/// the board reloads (one reload at a time, the newest result last), so a card always sits where the server
/// says it is. A card that another user is editing on the deal page says so.
/// </summary>
public partial class PipelineBoard
{
    private static readonly string[] WatchedTypes = [nameof(Opportunity)];

    private MudDropContainer<BoardCard>? _container;
    private Board? _board;
    private List<BoardCard> _cards = [];
    private OpportunityQuery _query = new();
    private OpportunityQuery? _cardsQuery;
    private Task _reloading = Task.CompletedTask;
    private int _requested;
    private int _answered;
    private int _generation;
    private StageNames _stages = StageNames.None;
    private Actor _actor = Actor.Nobody;
    private string _currency = "";
    private bool _zonesStale;
    private IReadOnlyDictionary<int, IReadOnlyList<string>> _editors = new Dictionary<int, IReadOnlyList<string>>();
    private IDisposable? _editorsWatch;

    [SupplyParameterFromQuery(Name = "ownerId")]
    public int? OwnerId { get; set; }

    [SupplyParameterFromQuery(Name = "teamId")]
    public int? TeamId { get; set; }

    [SupplyParameterFromQuery(Name = "closeFrom")]
    public DateOnly? CloseFrom { get; set; }

    [SupplyParameterFromQuery(Name = "closeTo")]
    public DateOnly? CloseTo { get; set; }

    [SupplyParameterFromQuery(Name = "minAmount")]
    public decimal? MinAmount { get; set; }

    [SupplyParameterFromQuery(Name = "maxAmount")]
    public decimal? MaxAmount { get; set; }

    [Inject]
    private OpportunityBook Deals { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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
    }

    /// <summary>The filters come from the address, so a reload or a shared link shows the same board.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var query = new OpportunityQuery { OwnerId = OwnerId, TeamId = TeamId, CloseFrom = CloseFrom, CloseTo = CloseTo, MinAmount = MinAmount, MaxAmount = MaxAmount };
        if (_board is null || query != _query)
        {
            _query = query;
            await ReloadAsync();
        }
    }

    /// <summary>New filters go into the address; the page takes them from there.</summary>
    private void Filter(OpportunityQuery query) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["ownerId"] = query.OwnerId,
        ["teamId"] = query.TeamId,
        ["closeFrom"] = query.CloseFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["closeTo"] = query.CloseTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["minAmount"] = query.MinAmount,
        ["maxAmount"] = query.MaxAmount,
    }), replace: true);

    /// <summary>
    /// Brings the board up to date with the server. One reload runs at a time: changes that arrive meanwhile
    /// are answered by one more reload after it, and a result that a newer request overtook is dropped, so an
    /// older board never replaces a newer one. The task ends once the board is as new as the last request.
    /// </summary>
    private Task ReloadAsync()
    {
        _requested++;
        if (_reloading.IsCompleted)
        {
            _reloading = ReloadUntilCurrentAsync();
        }

        return _reloading;
    }

    private async Task ReloadUntilCurrentAsync()
    {
        while (_answered < _requested)
        {
            var request = _requested;
            var query = _query;
            // A reload shows as many cards per column as "load more" brought, for the same filters.
            var shown = query == _cardsQuery ? _cards.GroupBy(c => c.Row.StageId).ToDictionary(g => g.Key, g => g.Count()) : null;
            Board board;
            try
            {
                board = await Deals.BoardAsync(_actor, query, shown: shown);
            }
            catch (DomainException refusal)
            {
                // Filters from an address typed by hand can be refused: the board shows empty columns then.
                (_answered, _board) = (request, _board ?? new Board([]));
                Snackbar.Add(Messages.Describe(refusal), Severity.Warning);
                continue;
            }

            _answered = request;
            if (request == _requested)
            {
                (_board, _cardsQuery, _cards) = (board, query, [.. board.Columns.SelectMany(c => c.Cards).Select(r => new BoardCard(r))]);
                _generation++;
                _zonesStale = true;
                StateHasChanged();
            }
        }
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

    /// <summary>The column's next cards after its last one; dropped when a reload replaced the cards meanwhile.</summary>
    private async Task LoadMoreAsync(int stageId)
    {
        var generation = _generation;
        var more = await Deals.ColumnAsync(_actor, _cardsQuery ?? _query, stageId, _cards.Last(c => c.Row.StageId == stageId).Row);
        if (generation != _generation)
        {
            return;
        }

        var shown = _cards.Select(c => c.Row.Id).ToHashSet();
        _cards.AddRange(more.Where(r => !shown.Contains(r.Id)).Select(r => new BoardCard(r)));
        _zonesStale = true;
        if (!_reloading.IsCompleted)
        {
            // The reload under way counted the cards before these: one more keeps them.
            await ReloadAsync();
        }
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
