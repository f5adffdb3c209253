using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Quoting;

/// <summary>
/// Makes, sends, approves, revises and closes quotes. Every change is one unit of work: a refused
/// input saves nothing. Who sees a quote is the records' visibility (owner, team manager, admin,
/// shares); who changes it is its owner, the owner's team manager or an administrator.
/// </summary>
public sealed class QuoteBook(IDbContextFactory<SalesHubDbContext> dbFactory, CompanySettings settings, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private static readonly ListSort<Quote> Sorting = new(
        new Dictionary<string, Expression<Func<Quote, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["number"] = q => q.Number,
            ["customer"] = q => q.CustomerName,
            // In the order a quote moves through, not by the stored names' alphabet.
            ["status"] = q => q.Status == QuoteStatus.Draft ? 0 : q.Status == QuoteStatus.PendingApproval ? 1 : q.Status == QuoteStatus.Sent ? 2
                : q.Status == QuoteStatus.Accepted ? 3 : q.Status == QuoteStatus.Rejected ? 4 : q.Status == QuoteStatus.Expired ? 5 : 6,
            ["validUntil"] = q => q.ValidUntil,
            ["total"] = q => q.Total,
            ["updatedAt"] = q => q.UpdatedAt,
        },
        quotes => quotes.OrderByDescending(q => q.UpdatedAt).ThenByDescending(q => q.Id));

    /// <summary>Creates a Draft owned by the actor, numbered "Q2026-00001" in its year.</summary>
    public async Task<int> CreateDraftAsync(Actor actor, QuoteDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        actor.RequireSignedIn();
        var ownerId = actor.UserId ?? throw new ForbiddenException();
        var company = (await settings.GetAsync(cancellationToken)).Details;
        return await NumberedRecords.SaveNewAsync(dbFactory, actor, async db =>
        {
            var quote = new Quote
            {
                PricesIncludeTax = company.PricesIncludeTax,
                TaxRounding = company.TaxRounding,
                Terms = draft.Language == "en" ? company.QuoteTermsEn : company.QuoteTermsZh,
            };
            quote.AssignTo(ownerId);
            await DescribeAsync(db, quote, draft, Today.AddDays(company.QuoteValidityDays), cancellationToken);
            quote.Number = await NextNumberAsync(db, cancellationToken);
            return quote;
        }, quote => NumberTakenAsync(quote.Number, cancellationToken), cancellationToken);
    }

    /// <summary>Changes a Draft or PendingApproval quote, based on the version the editor read; a pending one goes back to Draft.</summary>
    public async Task UpdateDraftAsync(Actor actor, int id, QuoteDraft draft, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateForAsync(actor);
        var quote = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        RequireEditableStatus(quote);
        if (draft.CustomerId != quote.CustomerId)
        {
            throw new DomainException("Quotes.CustomerFixed") { Field = "customerId" };
        }

        await DescribeAsync(db, quote, draft with { Terms = draft.Terms ?? quote.Terms }, quote.ValidUntil, cancellationToken);
        if (quote.Status == QuoteStatus.PendingApproval)
        {
            await SettleApprovalRequestAsync(db, quote, cancellationToken);
        }

        quote.Status = QuoteStatus.Draft;
        quote.Version = expectedVersion + 1;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sends a draft; when a discount is above what the actor's role may give, it waits for a manager's approval instead.</summary>
    public async Task<QuoteStatus> SendAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var company = await settings.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateForAsync(actor);
        var quote = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        quote.RequireStatus(QuoteStatus.Draft);
        if (quote.Lines.Count == 0)
        {
            throw new DomainException("Quotes.LinesRequired") { Field = "lines" };
        }

        RequireStillValid(quote);

        var discount = EffectiveDiscountPercent(quote, quote.Reprice());
        if (company.RequiresApproval(actor.Role, discount))
        {
            quote.Status = QuoteStatus.PendingApproval;
            quote.ApprovalDiscountPercent = discount;
            quote.ApprovalRequestedAt = clock.GetUtcNow();
            (quote.ApprovalDecidedById, quote.ApprovalDecidedAt, quote.ApprovalComment) = (null, null, null);
            NotificationInbox.Add(db, await Supervisors.OfAsync(db, quote.OwnerId, cancellationToken), ApprovalMessage(quote, NotificationKind.QuoteApprovalRequested));
        }
        else
        {
            quote.Status = QuoteStatus.Sent;
            quote.SentAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return quote.Status;
    }

    /// <summary>A manager of the owner's team, or an administrator, approves a pending quote, which is then sent.</summary>
    public Task ApproveAsync(Actor actor, int id, string? comment, long expectedVersion, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, id, comment, expectedVersion, approve: true, cancellationToken);

    /// <summary>A manager of the owner's team, or an administrator, turns a pending quote down: it goes back to Draft.</summary>
    public Task RejectApprovalAsync(Actor actor, int id, string? comment, long expectedVersion, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, id, comment, expectedVersion, approve: false, cancellationToken);

    /// <summary>Starts revision n + 1 of a Sent, Rejected or Expired quote as a Draft with the same lines; the old one becomes Superseded.</summary>
    public async Task<int> ReviseAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var old = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        old.RequireStatus(QuoteStatus.Sent, QuoteStatus.Rejected, QuoteStatus.Expired);
        var revision = new Quote
        {
            Number = old.Number,
            Revision = old.Revision + 1,
            PreviousRevisionId = old.Id,
            ContactId = old.ContactId,
            OpportunityId = old.OpportunityId,
            Language = old.Language,
            ValidUntil = old.ValidUntil < Today ? Today.AddDays((await settings.GetAsync(cancellationToken)).Details.QuoteValidityDays) : old.ValidUntil,
            Notes = old.Notes,
            Terms = old.Terms,
            PricesIncludeTax = old.PricesIncludeTax,
            TaxRounding = old.TaxRounding,
            DiscountPercent = old.DiscountPercent,
            DiscountAmount = old.DiscountAmount,
        };
        revision.AssignTo(old.OwnerId);
        revision.AddressTo(old.CustomerId, old.CustomerName);
        revision.LineList.AddRange(old.Lines.OrderBy(l => l.Position).Select(l => l.CopyAs<QuoteLine>()));
        revision.Reprice();
        old.Status = QuoteStatus.Superseded;
        db.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        return revision.Id;
    }

    public Task AcceptAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default) =>
        CloseAsync(actor, id, expectedVersion, QuoteStatus.Accepted, cancellationToken);

    public Task RejectAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default) =>
        CloseAsync(actor, id, expectedVersion, QuoteStatus.Rejected, cancellationToken);

    /// <summary>Marks every Sent quote whose validity ended before <paramref name="today"/> Expired; returns how many.</summary>
    public async Task<int> ExpireDueAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(Actor.System);
        var due = await db.Quotes.Where(q => q.Status == QuoteStatus.Sent && q.ValidUntil < today).ToListAsync(cancellationToken);
        due.ForEach(q => q.Status = QuoteStatus.Expired);
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    public async Task<QuoteView> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var quote = await db.Quotes.AsNoTracking().Include(q => q.Lines).SingleOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Quote), id);
        var totals = quote.CheckedTotals();

        var managesOwner = await Stewardship.ManagesAsync(db, actor, quote.OwnerId, cancellationToken);
        var canEdit = actor.IsAdmin || quote.OwnerId == actor.UserId || managesOwner;
        return new QuoteView(quote, totals, canEdit, (actor.IsAdmin || managesOwner) && quote.OwnerId != actor.UserId);
    }

    public async Task<Page<QuoteRow>> ListAsync(Actor actor, QuoteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var quotes = PricedDocuments.Filter(db.Quotes.AsNoTracking(), query);
        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var exact = query.Number.Trim().ToUpperInvariant();
            quotes = quotes.Where(q => q.Number == exact);
        }

        if (query.Status is { } status)
        {
            quotes = quotes.Where(q => q.Status == status);
        }

        var total = await quotes.CountAsync(cancellationToken);
        var items = await Sorting.Apply(quotes, query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(q => new QuoteRow(
                q.Id, q.Number, q.Revision, q.CustomerId, q.CustomerName, q.OwnerId, q.Status,
                q.ValidUntil, q.Untaxed, q.Tax, q.Total, q.UpdatedAt, q.Version))
            .ToListAsync(cancellationToken);
        return new Page<QuoteRow>(items, total);
    }

    /// <summary>
    /// The largest discount in percent the quote gives: each line's and the whole quote's amount before
    /// tax against its starting price × quantity (the customer's price list, or the list price).
    /// </summary>
    internal static decimal EffectiveDiscountPercent(Quote quote, QuoteTotals totals)
    {
        var lines = quote.Lines.OrderBy(l => l.Position).ToList();
        return EffectiveDiscountPercent(lines.ConvertAll(l => l.StandardPrice), lines.ConvertAll(l => l.Quantity), totals);
    }

    /// <summary>
    /// As sending measures it, for an editor that has not saved yet: the lines' starting prices and
    /// quantities, in order, and the totals <see cref="QuotePricing"/> gave for them.
    /// </summary>
    public static decimal EffectiveDiscountPercent(IReadOnlyList<decimal> standardPrices, IReadOnlyList<decimal> quantities, QuoteTotals totals)
    {
        ArgumentNullException.ThrowIfNull(standardPrices);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(totals);
        var largest = 0m;
        var standardSum = 0m;
        var pricedSum = 0m;
        for (var i = 0; i < standardPrices.Count; i++)
        {
            var standard = Money.Round(standardPrices[i] * quantities[i]);
            var priced = totals.Lines[i].Amount - totals.Lines[i].QuoteDiscount;
            standardSum += standard;
            pricedSum += priced;
            largest = Math.Max(largest, PercentOff(standard, priced));
        }

        return Math.Max(largest, PercentOff(standardSum, pricedSum));
    }

    private static decimal PercentOff(decimal standard, decimal priced) =>
        standard <= 0m ? 0m : Math.Max(0m, decimal.Round((standard - priced) * 100m / standard, 2, MidpointRounding.AwayFromZero));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task DecideAsync(Actor actor, int id, string? comment, long expectedVersion, bool approve, CancellationToken cancellationToken)
    {
        var text = TextRules.Required(comment, Quote.CommentMaxLength, "comment", "Quotes.CommentRequired");
        await using var db = await dbFactory.CreateForAsync(actor);
        var quote = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        // Nobody decides their own discount: a manager's quote goes to an administrator (see Supervisors).
        if (quote.OwnerId == actor.UserId)
        {
            throw new DomainException("Quotes.OwnApproval") { Field = "status" };
        }

        if (!actor.IsAdmin && !await Stewardship.ManagesAsync(db, actor, quote.OwnerId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        quote.RequireStatus(QuoteStatus.PendingApproval);
        if (approve)
        {
            RequireStillValid(quote);
        }

        (quote.ApprovalDecidedById, quote.ApprovalDecidedAt, quote.ApprovalComment) = (actor.UserId, clock.GetUtcNow(), text);
        quote.Status = approve ? QuoteStatus.Sent : QuoteStatus.Draft;
        quote.SentAt = approve ? clock.GetUtcNow() : quote.SentAt;
        NotificationInbox.Add(db, [quote.OwnerId], ApprovalMessage(quote, approve ? NotificationKind.QuoteApproved : NotificationKind.QuoteApprovalRejected));
        await SettleApprovalRequestAsync(db, quote, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A request no longer pending leaves no approver's bell asking for it: every approver's request is read.</summary>
    private static Task SettleApprovalRequestAsync(SalesHubDbContext db, Quote quote, CancellationToken cancellationToken) =>
        NotificationInbox.SettleAsync(db, NotificationKind.QuoteApprovalRequested, nameof(Quote), quote.Id, cancellationToken);

    /// <summary>A quote past its validity is neither sent, approved nor accepted, even before the expiry job marks it Expired.</summary>
    private void RequireStillValid(Quote quote)
    {
        if (quote.ValidUntil < Today)
        {
            throw new DomainException("Quotes.ValidUntilPast") { Field = "validUntil" };
        }
    }

    /// <summary>What the approver, or the owner once decided, is told: the quote's number and the decision's comment.</summary>
    private static NotificationMessage ApprovalMessage(Quote quote, NotificationKind kind) =>
        new(kind, nameof(Quote), quote.Id, quote.Number, quote.ApprovalComment, $"/quotes/{quote.Id}");

    private async Task CloseAsync(Actor actor, int id, long expectedVersion, QuoteStatus outcome, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var quote = await EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        quote.RequireStatus(QuoteStatus.Sent);
        if (outcome == QuoteStatus.Accepted)
        {
            RequireStillValid(quote);
        }

        quote.Status = outcome;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Fills a quote from a draft: customer and contact checked, lines priced, totals from the engine.</summary>
    private async Task DescribeAsync(SalesHubDbContext db, Quote quote, QuoteDraft draft, DateOnly defaultValidUntil, CancellationToken cancellationToken)
    {
        await PricedDocuments.AddressAsync(db, quote, draft.CustomerId, draft.ContactId, draft.Language, cancellationToken);
        if (draft.OpportunityId is { } opportunityId && !await db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.CustomerId == draft.CustomerId, cancellationToken))
        {
            throw new DomainException("Quotes.UnknownOpportunity") { Field = "opportunityId" };
        }

        var validUntil = draft.ValidUntil ?? defaultValidUntil;
        if (validUntil < Today)
        {
            throw new DomainException("Quotes.ValidUntilPast") { Field = "validUntil" };
        }

        var lines = await PricedDocuments.LinesAsync(db, draft.CustomerId, quote.Lines, draft.Lines, Today, cancellationToken);
        (quote.OpportunityId, quote.ValidUntil) = (draft.OpportunityId, validUntil);
        quote.Terms = TextRules.Optional(draft.Terms ?? quote.Terms, Quote.TermsMaxLength, "terms");
        quote.Describe(lines, draft.DiscountPercent, draft.DiscountAmount, draft.Notes);
    }

    private static void RequireEditableStatus(Quote quote)
    {
        if (quote.Status == QuoteStatus.Sent)
        {
            throw new DomainException("Quotes.SentIsReadOnly") { Field = "status" };
        }

        if (quote.Status is not (QuoteStatus.Draft or QuoteStatus.PendingApproval))
        {
            throw new DomainException("Quotes.ReadOnly") { Field = "status" };
        }
    }

    /// <summary>Loads a quote with its lines that the actor may change: its owner, the owner's team manager or an administrator.</summary>
    private static Task<Quote> EditableAsync(SalesHubDbContext db, Actor actor, int id, long expectedVersion, CancellationToken cancellationToken) =>
        Stewardship.EditableAsync(db, actor, db.Quotes.Include(d => d.Lines), id, expectedVersion, cancellationToken);

    private async Task<bool> NumberTakenAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(Actor.System);
        return await db.Quotes.IgnoreQueryFilters().AnyAsync(q => q.Number == number && q.Revision == 1, cancellationToken);
    }

    /// <summary>The next number of the year, "Q2026-00001", counting every quote ever numbered (deleted ones too).</summary>
    private Task<string> NextNumberAsync(SalesHubDbContext db, CancellationToken cancellationToken) =>
        NumberSeries.NextAsync(db.Quotes.IgnoreQueryFilters().Select(q => q.Number), $"Q{clock.GetUtcNow().Year}-", 5, cancellationToken);
}
