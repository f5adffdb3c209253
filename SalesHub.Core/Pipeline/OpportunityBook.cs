using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Pipeline;

/// <summary>
/// Creates, edits, moves, deletes and lists deals, and draws the board. Who sees a deal is the records'
/// visibility (owner, team manager, admin, shares); who changes it is its owner, the owner's team manager
/// or an administrator. An edit and a move run the same stage rules (<see cref="Opportunity.EnterStage"/>);
/// each change is one unit of work, so a refused input saves nothing.
/// </summary>
public sealed class OpportunityBook(IDbContextFactory<SalesHubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>Cards a board column shows before "load more".</summary>
    public const int CardsPerColumn = 50;

    /// <summary>The most cards a column shows after a reload, however many "load more" brought.</summary>
    public const int MaxColumnCards = 1000;

    private const int StaleBatch = 200;

    private static readonly ListSort<Opportunity> Sorting = new(
        new Dictionary<string, Expression<Func<Opportunity, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = o => o.Name,
            ["customer"] = o => o.CustomerName,
            ["amount"] = o => o.Amount,
            ["weightedAmount"] = o => o.WeightedAmount,
            ["expectedCloseDate"] = o => o.ExpectedCloseDate,
            ["stage"] = o => o.Stage!.SortOrder,
            ["probability"] = o => o.Probability,
            ["lastActivityAt"] = o => o.LastActivityAt,
            ["updatedAt"] = o => o.UpdatedAt,
        },
        deals => deals.OrderBy(o => o.ExpectedCloseDate).ThenBy(o => o.Id));

    // A card's value of each sort field a column sorts by (ColumnSort), for "load more" to go on after it.
    private static readonly Dictionary<string, Func<OpportunityRow, object>> CardKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = r => r.Name,
        ["customer"] = r => r.CustomerName,
        ["amount"] = r => r.Amount,
        ["weightedAmount"] = r => r.WeightedAmount,
        ["expectedCloseDate"] = r => r.ExpectedCloseDate,
        ["probability"] = r => r.Probability,
        ["lastActivityAt"] = r => r.LastActivityAt,
        ["updatedAt"] = r => r.UpdatedAt,
    };

    public async Task<Page<OpportunityRow>> ListAsync(Actor actor, OpportunityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var deals = Filtered(db, query);
        var total = await deals.CountAsync(cancellationToken);
        var items = await Rows(db, Sorting.Apply(deals, query.Sort).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new Page<OpportunityRow>(items, total);
    }

    /// <summary>
    /// The board: a column per open stage with the count, amount and weighted amount of every deal the
    /// filters keep (one grouped query), and the first cards of each in the query's order (one query for
    /// all columns): <paramref name="cardsPerColumn"/>, or as many as <paramref name="shown"/> says a column
    /// already shows (up to <see cref="MaxColumnCards"/>), so a reload keeps the cards "load more" brought.
    /// </summary>
    public async Task<Board> BoardAsync(
        Actor actor, OpportunityQuery query, int cardsPerColumn = CardsPerColumn, IReadOnlyDictionary<int, int>? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(1, cardsPerColumn, MaxPageSize);
        var sort = ColumnSort(query.Sort);
        await using var db = await dbFactory.CreateForAsync(actor);
        var stages = await db.PipelineStages.AsNoTracking().Where(s => s.Kind == PipelineStageKind.Open)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var deals = Filtered(db, query with { StageId = null, Open = true });
        var totals = await deals.GroupBy(o => o.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Amount = g.Sum(o => o.Amount), Weighted = g.Sum(o => o.WeightedAmount) })
            .ToDictionaryAsync(t => t.StageId, cancellationToken);
        IQueryable<Opportunity>? firstCards = null;
        foreach (var stageId in stages.Where(totals.ContainsKey))
        {
            var take = Math.Clamp(shown?.GetValueOrDefault(stageId) ?? 0, cardsPerColumn, MaxColumnCards);
            var column = Sorting.Apply(deals.Where(o => o.StageId == stageId), sort).Take(take);
            firstCards = firstCards is null ? column : firstCards.Concat(column);
        }

        // Sorted again as a whole: each column's cards keep the query's order within it.
        var cards = firstCards is null ? [] : await Rows(db, Sorting.Apply(firstCards, sort)).ToListAsync(cancellationToken);
        return new Board([.. stages.Select(stageId => totals.GetValueOrDefault(stageId) is { } sums
            ? new BoardColumn(stageId, sums.Count, sums.Amount, sums.Weighted, [.. cards.Where(c => c.StageId == stageId)])
            : new BoardColumn(stageId, 0, 0m, 0m, []))]);
    }

    /// <summary>
    /// More cards of one board column ("load more"): those after <paramref name="after"/>, the last card the
    /// column shows, in the board's order; cards that moved meanwhile are neither skipped nor repeated.
    /// </summary>
    public async Task<IReadOnlyList<OpportunityRow>> ColumnAsync(
        Actor actor, OpportunityQuery query, int stageId, OpportunityRow after, int take = CardsPerColumn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(after);
        actor.RequireSignedIn();
        if (after.Id <= 0 || after.StageId != stageId)
        {
            throw new DomainException("Errors.InvalidPage") { Field = "after" };
        }

        Paging.Require(1, take, MaxPageSize);
        var sort = ColumnSort(query.Sort);
        await using var db = await dbFactory.CreateForAsync(actor);
        var deals = Filtered(db, query with { StageId = stageId });
        var ordered = Sorting.Apply(deals, sort);
        var later = Sorting.After(ordered, sort, CardKeys[sort.TrimStart('-', '+')](after), after.Id);
        return await Rows(db, later.Take(take)).ToListAsync(cancellationToken);
    }

    public async Task<OpportunityView> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var now = clock.GetUtcNow();
        var view = await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OpportunityView(
                o.Id, o.CustomerId, o.CustomerName, o.Name, o.Amount, o.WeightedAmount, o.ExpectedCloseDate, o.StageId, o.Stage!.Kind,
                o.Probability, o.Competitor, o.NextStep, o.LostReason, o.OwnerId,
                db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                o.StageEnteredAt, o.LastActivityAt, o.StaleAt != null && o.StaleAt <= now, false, o.CreatedAt, o.UpdatedAt, o.Version))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Opportunity), id);
        return view with { CanEdit = await Stewardship.MayEditAsync(db, actor, view.OwnerId, cancellationToken) };
    }

    /// <summary>A deal's stage changes, oldest first.</summary>
    public async Task<IReadOnlyList<StageChangeRow>> HistoryAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Opportunities.AnyAsync(o => o.Id == id, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Opportunity), id);
        }

        return await db.OpportunityStageChanges.AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new StageChangeRow(c.Id, c.FromStageId, c.ToStageId, c.ChangedAt, c.ChangedById,
                db.Users.Where(u => u.Id == c.ChangedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The customer's deals in open stages the actor sees, for the quote builder's choice.</summary>
    public async Task<IReadOnlyList<OpportunityChip>> OpenForCustomerAsync(Actor actor, int customerId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Opportunities.AsNoTracking()
            .Where(o => o.CustomerId == customerId && o.Stage!.Kind == PipelineStageKind.Open)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OpportunityChip(o.Id, o.Name, o.Amount))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CreateAsync(Actor actor, OpportunityDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        actor.RequireSignedIn();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateForAsync(actor);
        var ownerId = draft.OwnerId ?? actor.UserId ?? throw new DomainException("Records.OwnerRequired") { Field = "ownerId" };
        if (ownerId != actor.UserId)
        {
            await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
        }

        var deal = await AddAsync(db, ownerId, draft, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return deal.Id;
    }

    /// <summary>
    /// Adds a deal owned by <paramref name="ownerId"/> to <paramref name="db"/> with the rules of <see cref="CreateAsync"/>,
    /// inside another service's unit of work (a lead's conversion), which saves it.
    /// </summary>
    internal static async Task<Opportunity> AddAsync(SalesHubDbContext db, int ownerId, OpportunityDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deal = new Opportunity();
        deal.AssignTo(ownerId);
        await DescribeAsync(db, deal, draft, now, cancellationToken);
        db.Opportunities.Add(deal);
        return deal;
    }

    /// <summary>The first open stage, where a new deal starts unless told otherwise.</summary>
    internal static async Task<int> FirstOpenStageIdAsync(SalesHubDbContext db, CancellationToken cancellationToken) =>
        await db.PipelineStages.Where(s => s.Kind == PipelineStageKind.Open).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new DomainException("Opportunities.UnknownStage") { Field = "stageId" };

    /// <summary>Saves the edit form, based on the version it read; a changed stage is a move with the same rules.</summary>
    public async Task UpdateAsync(Actor actor, int id, OpportunityDraft draft, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateForAsync(actor);
        var deal = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        if (draft.OwnerId is { } ownerId && ownerId != deal.OwnerId)
        {
            await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
            deal.AssignTo(ownerId);
        }

        var now = clock.GetUtcNow();
        await DescribeAsync(db, deal, draft, now, cancellationToken);
        deal.RecordActivity(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A board move (a drag, a card's menu, the API): only the stage, with the edit form's rules.</summary>
    public async Task MoveAsync(Actor actor, int id, OpportunityMove move, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        await using var db = await dbFactory.CreateForAsync(actor);
        var deal = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        var stage = await StageAsync(db, move.StageId, cancellationToken);
        var reason = move.LostReason ?? (stage.Id == deal.StageId ? deal.LostReason : null);
        if (deal.EnterStage(stage, move.Probability, reason, move.Reopen, clock.GetUtcNow(), actor.UserId) is { } change)
        {
            db.OpportunityStageChanges.Add(change);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Moves the deal to the first Won stage inside the caller's unit of work (its order was confirmed),
    /// through <see cref="Opportunity.EnterStage"/>, whoever may see it; a lost deal is reopened, a won
    /// one stays where it is, and a deal in the recycle bin or without a Won stage is left alone.
    /// </summary>
    internal static async Task WinAsync(SalesHubDbContext db, int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deal = await db.Opportunities.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]).Include(o => o.Stage)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        var won = await db.PipelineStages.Where(s => s.Kind == PipelineStageKind.Won).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (deal is null || won is null || deal.Stage?.Kind == PipelineStageKind.Won)
        {
            return;
        }

        if (deal.EnterStage(won, null, null, reopen: true, now, db.Actor.UserId) is { } change)
        {
            db.OpportunityStageChanges.Add(change);
        }
    }

    /// <summary>Moves a deal to the recycle bin.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var deal = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        db.Opportunities.Remove(deal);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RestoreAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        Stewardship.RestoreAsync<Opportunity>(dbFactory, actor, id, cancellationToken);

    /// <summary>
    /// Tells the owner of each deal that turned stale since the last round, once per staleness (activity
    /// starts a new one), even with several app nodes running rounds at once: each deal is claimed with a
    /// conditional update and only the node whose update changed its row tells the owner, in the same
    /// transaction. Returns how many deals were told of.
    /// </summary>
    public async Task<int> NotifyStaleAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var told = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateForAsync(Actor.System);
            var due = await db.Opportunities.AsNoTracking()
                .Where(o => o.StaleAt != null && o.StaleAt <= now && o.StaleNotifiedAt == null)
                .OrderBy(o => o.StaleAt).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.OwnerId, o.Name })
                .Take(StaleBatch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return told;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var deal in due)
            {
                var claimed = await db.Opportunities
                    .Where(o => o.Id == deal.Id && o.StaleAt != null && o.StaleAt <= now && o.StaleNotifiedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.StaleNotifiedAt, now), cancellationToken);
                if (claimed == 1)
                {
                    NotificationInbox.Add(db, [deal.OwnerId], new NotificationMessage(
                        NotificationKind.OpportunityStale, nameof(Opportunity), deal.Id, deal.Name, null, $"/opportunities/{deal.Id}"));
                    told++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>A column's order: the query's field, or the close date when none (or the stage, the same for every card of a column).</summary>
    private static string ColumnSort(string? sort) =>
        string.IsNullOrWhiteSpace(sort) || sort.Trim().TrimStart('-', '+').Equals("stage", StringComparison.OrdinalIgnoreCase) ? "expectedCloseDate" : sort.Trim();

    private IQueryable<Opportunity> Filtered(SalesHubDbContext db, OpportunityQuery query)
    {
        if (query.MinAmount is { } min && query.MaxAmount is { } max && min > max)
        {
            throw new DomainException("Opportunities.InvalidAmountRange") { Field = "maxAmount" };
        }

        if (query.CloseFrom is { } from && query.CloseTo is { } to && from > to)
        {
            throw new DomainException("Opportunities.InvalidClosePeriod") { Field = "closeTo" };
        }

        var deals = VisibleByIndex.Of(db, db.Opportunities.AsNoTracking());
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } term)
        {
            deals = deals.Where(o => o.SearchText.Contains(term));
        }

        if (query.OwnerId is { } ownerId)
        {
            deals = deals.Where(o => o.OwnerId == ownerId);
        }

        if (query.TeamId is { } teamId)
        {
            deals = deals.Where(o => db.Users.Any(u => u.Id == o.OwnerId && u.TeamId == teamId));
        }

        if (query.StageId is { } stageId)
        {
            deals = deals.Where(o => o.StageId == stageId);
        }

        if (query.CustomerId is { } customerId)
        {
            deals = deals.Where(o => o.CustomerId == customerId);
        }

        if (query.Open is { } open)
        {
            deals = open ? deals.Where(o => o.Stage!.Kind == PipelineStageKind.Open) : deals.Where(o => o.Stage!.Kind != PipelineStageKind.Open);
        }

        deals = query.CloseFrom is { } start ? deals.Where(o => o.ExpectedCloseDate >= start) : deals;
        deals = query.CloseTo is { } end ? deals.Where(o => o.ExpectedCloseDate <= end) : deals;
        deals = query.MinAmount is { } least ? deals.Where(o => o.Amount >= least) : deals;
        return query.MaxAmount is { } most ? deals.Where(o => o.Amount <= most) : deals;
    }

    private IQueryable<OpportunityRow> Rows(SalesHubDbContext db, IQueryable<Opportunity> deals)
    {
        var now = clock.GetUtcNow();
        var mayEdit = Stewardship.EditableOwner(db, db.Actor);
        return deals.Select(o => new OpportunityRow(
            o.Id, o.Name, o.CustomerId, o.CustomerName, o.OwnerId,
            db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            o.StageId, o.Amount, o.WeightedAmount, o.Probability, o.ExpectedCloseDate, o.StageEnteredAt, o.LastActivityAt,
            o.StaleAt != null && o.StaleAt <= now, o.UpdatedAt, o.Version,
            db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.Id).Any(mayEdit)));
    }

    /// <summary>The draft's customer (one the actor sees), fields and stage, through the stage rules.</summary>
    private static async Task DescribeAsync(SalesHubDbContext db, Opportunity deal, OpportunityDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (draft.CustomerId != deal.CustomerId || deal.Id == 0)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == draft.CustomerId)
                .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Opportunities.UnknownCustomer") { Field = "customerId" };
            deal.AddressTo(customer.Id, customer.Name);
        }

        deal.Describe(draft.Fields, DateOnly.FromDateTime(now.UtcDateTime));
        var stage = await StageAsync(db, draft.StageId, cancellationToken);
        if (deal.EnterStage(stage, draft.Probability, draft.LostReason, draft.Reopen, now, db.Actor.UserId) is { } change)
        {
            db.OpportunityStageChanges.Add(change);
        }
    }

    private static async Task<PipelineStage> StageAsync(SalesHubDbContext db, int stageId, CancellationToken cancellationToken) =>
        await db.PipelineStages.SingleOrDefaultAsync(s => s.Id == stageId, cancellationToken)
        ?? throw new DomainException("Opportunities.UnknownStage") { Field = "stageId" };

    /// <summary>Loads a deal with its stage that the actor may change, expecting <paramref name="expectedVersion"/>.</summary>
    private static Task<Opportunity> EditableAsync(SalesHubDbContext db, Actor actor, int id, long expectedVersion, CancellationToken cancellationToken) =>
        Stewardship.EditableAsync(db, actor, db.Opportunities.Include(o => o.Stage), id, expectedVersion, cancellationToken);
}
