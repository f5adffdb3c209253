using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>
/// A new lead. <see cref="OwnerId"/> gives it to someone (the actor, or for a manager a member of
/// their teams); without one, the company's assignment setting chooses, which may leave it in the pool.
/// </summary>
public sealed record NewLead(LeadDetails Details, int? OwnerId = null, bool IgnoreDuplicates = false);

public sealed record LeadChanges(LeadDetails Details, long ExpectedVersion, bool IgnoreDuplicates = false);

/// <summary>Finds, reads, creates and works leads, always as seen by the acting user; one unit of work per method.</summary>
public sealed class LeadBook(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    private const int RoutingAttempts = 3;

    private static readonly ListSort<Lead> Sorting = new(
        new Dictionary<string, Expression<Func<Lead, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = l => l.Name,
            ["company"] = l => l.Company,
            // In the order a lead is worked, not by the stored names' alphabet.
            ["status"] = l => l.Status == LeadStatus.New ? 0 : l.Status == LeadStatus.Contacted ? 1 : l.Status == LeadStatus.Qualified ? 2
                : l.Status == LeadStatus.Disqualified ? 3 : 4,
            ["source"] = l => l.Source,
            ["province"] = l => l.Province,
            ["industry"] = l => l.Industry,
            ["createdAt"] = l => l.CreatedAt,
            ["updatedAt"] = l => l.UpdatedAt,
        },
        leads => leads.OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id));

    public async Task<Page<LeadRow>> ListAsync(Actor actor, LeadQuery query, CancellationToken cancellationToken = default)
    {
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var leads = db.Leads.AsNoTracking();
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } search)
        {
            var digits = CustomerMatching.IsPhoneLike(query.Search) ? CustomerMatching.PhoneDigits(query.Search) : "";
            leads = leads.Where(l => l.SearchText.Contains(search) || (digits != "" && l.PhoneDigits.Contains(digits)));
        }

        if (query.Status is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }

        if (query.Source is { } source)
        {
            leads = leads.Where(l => l.Source == source);
        }

        if (query.OwnerId is { } owner)
        {
            leads = leads.Where(l => l.OwnerId == owner);
        }

        if (query.Pool is { } pool)
        {
            leads = pool ? leads.Where(l => l.OwnerId == null) : leads.Where(l => l.OwnerId != null);
        }

        if (query.SharedWithMe)
        {
            var userId = actor.UserId;
            leads = leads.Where(l => l.OwnerId != userId
                && db.RecordShares.Any(s => s.RecordType == nameof(Lead) && s.RecordId == l.Id && s.UserId == userId));
        }

        var total = await leads.CountAsync(cancellationToken);
        var items = await Sorting.Apply(leads, query.Sort)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(l => new LeadRow(
                l.Id, l.Name, l.Company, l.Phone, l.Email, l.Province, l.Industry, l.Source, l.Status, l.OwnerId,
                db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                l.UpdatedAt, l.Version, false, false, false, false, false, false))
            .ToListAsync(cancellationToken);
        var ids = items.Select(r => r.Id).ToList();
        var editable = (await db.Leads.Where(l => ids.Contains(l.Id)).Where(LeadAccess.Editable(db, actor)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        return new Page<LeadRow>(items.Select(r => r.AllowedTo(actor, editable.Contains(r.Id))).ToList(), total);
    }

    public async Task<LeadProfile> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var found = await db.Leads.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new { Lead = l, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Lead), id);
        var canEdit = await db.Leads.Where(l => l.Id == id).AnyAsync(LeadAccess.Editable(db, actor), cancellationToken);
        var lead = found.Lead;
        return new LeadProfile(lead.Id, DetailsOf(lead), lead.Status, lead.DisqualifyReason, lead.OwnerId, found.OwnerName,
            lead.CustomerId, canEdit, lead.CreatedAt, lead.UpdatedAt, lead.Version);
    }

    /// <summary>Likely duplicates of what the user is entering, among all customers and leads, without saving.</summary>
    public async Task<LikelyDuplicateLeadException?> FindDuplicatesAsync(Actor actor, LeadDetails details, int? exceptId = null, CancellationToken cancellationToken = default)
    {
        var lead = new Lead();
        lead.Describe(details);
        await using var db = await dbFactory.CreateForAsync(actor);
        return await DuplicatesAsync(db, lead, exceptId, cancellationToken);
    }

    public async Task<int> CreateAsync(Actor actor, NewLead input, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        for (var attempt = 1; ; attempt++)
        {
            var lead = new Lead();
            lead.Describe(input.Details);
            await using var db = await dbFactory.CreateForAsync(actor);
            if (!input.IgnoreDuplicates && await DuplicatesAsync(db, lead, null, cancellationToken) is { } duplicates)
            {
                throw duplicates;
            }

            RoundRobinMove? turn = null;
            if (input.OwnerId is { } ownerId)
            {
                await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
                lead.AssignTo(ownerId);
            }
            else if (await LeadRouting.ChooseOwnerAsync(db, lead, cancellationToken) is var routed && routed.OwnerId is { } chosen)
            {
                lead.AssignTo(chosen);
                turn = routed.Turn;
            }

            db.Leads.Add(lead);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var retry = attempt < RoutingAttempts;
            if (turn is not null && !await LeadRouting.TakeTurnAsync(db, turn, cancellationToken))
            {
                // Another lead took this round-robin turn since it was read: choose again after it.
                if (retry)
                {
                    continue;
                }

                throw new ConcurrencyConflictException(nameof(LeadRoundRobinTurn), turn.TeamId, []);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return lead.Id;
            }
            catch (DbUpdateException) when (turn is { TurnExists: false } && retry)
            {
                // Another lead inserted the team's first turn at the same moment: choose again after it.
            }
        }
    }

    public async Task UpdateAsync(Actor actor, int id, LeadChanges changes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var lead = await LeadAccess.EditableAsync(db, actor, id, changes.ExpectedVersion, cancellationToken);
        var before = (lead.NormalizedName, lead.PhoneDigits, lead.EmailKey);
        lead.Describe(changes.Details);
        if (!changes.IgnoreDuplicates && before != (lead.NormalizedName, lead.PhoneDigits, lead.EmailKey)
            && await DuplicatesAsync(db, lead, id, cancellationToken) is { } duplicates)
        {
            throw duplicates;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChangeStatusAsync(Actor actor, int id, LeadStatus status, string? reason, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var lead = await LeadAccess.EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        lead.ChangeStatus(status, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives leads to <paramref name="ownerId"/>; managers within their teams, administrators anyone. All or nothing.</summary>
    public async Task<int> AssignAsync(Actor actor, IReadOnlyCollection<int> ids, int ownerId, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
        var distinct = ids.Distinct().ToList();
        var leads = await db.Leads.Where(l => distinct.Contains(l.Id)).Where(LeadAccess.Editable(db, actor)).ToListAsync(cancellationToken);
        if (leads.Count != distinct.Count)
        {
            throw distinct.Count == 1 ? new RecordNotFoundException(nameof(Lead), distinct[0]) : new ForbiddenException();
        }

        if (leads.Any(l => l.Status == LeadStatus.Converted))
        {
            throw new DomainException("Leads.AlreadyConverted") { Field = "status" };
        }

        leads.ForEach(l => l.AssignTo(ownerId));
        await db.SaveChangesAsync(cancellationToken);
        return leads.Count;
    }

    /// <summary>
    /// The actor takes an open lead from the pool. When two users claim the same lead at once, the version
    /// check lets exactly one save through; the other is told it has already been claimed — also when the
    /// winner's lead is out of their sight by then. A disqualified or converted lead is not claimed.
    /// </summary>
    public async Task ClaimAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        var userId = actor.UserId ?? throw new ForbiddenException();
        await using var db = await dbFactory.CreateForAsync(actor);
        // Someone else's lead is out of the claimant's sight, but after a lost race "already claimed" is what they need to hear.
        var lead = await db.Leads.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]).SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Lead), id);
        if (!lead.IsPooled)
        {
            throw new DomainException("Leads.AlreadyClaimed");
        }

        if (!lead.IsOpen)
        {
            throw new DomainException("Leads.ClaimNotOpen") { Field = "status" };
        }

        lead.AssignTo(userId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new DomainException("Leads.AlreadyClaimed");
        }
    }

    /// <summary>Puts a lead back into the pool for someone else to claim.</summary>
    public async Task ReleaseAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var lead = await LeadAccess.EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        if (!lead.IsOpen)
        {
            throw new DomainException("Leads.NotOpen");
        }

        lead.ReturnToPool();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a lead the actor may change to the recycle bin, based on the version they read.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var lead = await LeadAccess.EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        db.Leads.Remove(lead);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Brings a deleted lead back; only those who may delete it (<see cref="LeadAccess.Editable"/>) may, not everyone who sees it.</summary>
    public async Task RestoreAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var deleted = RecycleBin.Deleted<Lead>(db).Where(l => l.Id == id);
        var lead = await deleted.SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Lead), id);
        if (!await deleted.AnyAsync(LeadAccess.Editable(db, actor), cancellationToken))
        {
            throw new ForbiddenException();
        }

        (lead.DeletedAt, lead.DeletedById) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static LeadDetails DetailsOf(Lead l) =>
        new(l.Name, l.Company, l.Title, l.Phone, l.Email, l.WeChatId, l.Province, l.City, l.Industry, l.Source, l.Notes);

    /// <summary>Customers (by name, phone, e-mail, as customers compare) and other leads that look like <paramref name="lead"/>.</summary>
    private static async Task<LikelyDuplicateLeadException?> DuplicatesAsync(SalesHubDbContext db, Lead lead, int? exceptId, CancellationToken cancellationToken)
    {
        var candidate = DuplicateCandidate.From(lead.Company ?? lead.Name, [lead.Phone], [lead.Email]);
        var customers = await DuplicateDetection.FindAsync(db, candidate, cancellationToken);
        var (name, phone, email) = (lead.NormalizedName, lead.PhoneDigits, lead.EmailKey);
        var found = await db.Leads.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]).AsNoTracking()
            .Where(l => l.Id != exceptId && l.Status != LeadStatus.Converted
                && ((name != "" && l.NormalizedName == name) || (phone != "" && l.PhoneDigits == phone) || (email != "" && l.EmailKey == email)))
            .OrderBy(l => l.Id)
            .Take(20)
            .Select(l => new { l.Id, l.Name, l.NormalizedName, l.PhoneDigits, l.EmailKey, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var foundIds = found.Select(l => l.Id).ToList();
        var visible = (await db.Leads.Where(l => foundIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var leads = found.Select(l =>
        {
            var reasons = new[]
            {
                (name != "" && l.NormalizedName == name, DuplicateReason.Name),
                (phone != "" && l.PhoneDigits == phone, DuplicateReason.Phone),
                (email != "" && l.EmailKey == email, DuplicateReason.Email),
            }.Where(r => r.Item1).Select(r => r.Item2).ToList();
            return visible.Contains(l.Id) ? new LeadMatch(l.Id, l.Name, l.OwnerName, reasons) : new LeadMatch(null, null, l.OwnerName, reasons);
        }).ToList();
        return customers.Count + leads.Count == 0 ? null : new LikelyDuplicateLeadException(customers, leads);
    }
}
