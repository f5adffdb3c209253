using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>A new customer: its details, owner (the creator when null), tags and first contact.</summary>
public sealed record NewCustomer(CustomerDetails Details, int? OwnerId = null, IReadOnlyList<int>? TagIds = null, ContactDetails? PrimaryContact = null, bool IgnoreDuplicates = false);

public sealed record CustomerChanges(CustomerDetails Details, IReadOnlyList<int> TagIds, long ExpectedVersion, bool IgnoreDuplicates = false);

/// <summary>Finds, reads, creates and edits customers, always as seen by the acting user.</summary>
public sealed class CustomerDirectory(IDbContextFactory<SalesHubDbContext> dbFactory, DuplicateDetection duplicates)
{
    public const int MaxPageSize = 200;

    private static readonly ListSort<Customer> Sorting = new(
        new Dictionary<string, Expression<Func<Customer, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = c => c.Name,
            ["createdAt"] = c => c.CreatedAt,
            ["updatedAt"] = c => c.UpdatedAt,
            ["lastInteractionAt"] = c => c.LastInteractionAt,
            ["grade"] = c => c.Grade!.SortOrder,
            // In the order a customer moves through, not by the stored names' alphabet.
            ["status"] = c => c.Status == CustomerStatus.Prospect ? 0 : c.Status == CustomerStatus.Active ? 1 : c.Status == CustomerStatus.Dormant ? 2 : 3,
            ["province"] = c => c.Province,
            ["industry"] = c => c.Industry,
        },
        customers => customers.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id));

    public static IReadOnlyCollection<string> SortFields => Sorting.Fields;

    public async Task<Page<CustomerRow>> ListAsync(Actor actor, CustomerQuery query, CancellationToken cancellationToken = default)
    {
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(db, Sorting.Apply(filtered, query.Sort))
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .AsSplitQuery() // joined into the page's query, the tags of every customer would be read for each page
            .ToListAsync(cancellationToken);
        return new Page<CustomerRow>(items, total);
    }

    /// <summary>Every customer the query matches, for an export: streamed, never all in memory.</summary>
    public async IAsyncEnumerable<CustomerRow> ExportAsync(Actor actor, CustomerQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        await foreach (var row in Project(db, Sorting.Apply(Filter(db, query), query.Sort)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<CustomerProfile> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var editable = CustomerAccess.Editable(db, actor);
        var purchases = CustomerPurchases.Counted(db);
        var profile = await db.Customers.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Customer = c,
                c.Grade,
                OwnerName = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Tags = c.Tags.OrderBy(t => t.Name).Select(t => new TagChip(t.Id, t.Name, t.Color)).ToList(),
                SharedWith = db.RecordShares
                    .Where(s => s.RecordType == nameof(Customer) && s.RecordId == c.Id)
                    .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new UserChip(u.Id, u.DisplayName))
                    .ToList(),
                OpenOpportunities = db.Opportunities.Count(o => o.CustomerId == c.Id && o.Stage!.Kind == PipelineStageKind.Open),

                // Lifetime revenue: the totals of the visible orders that count as purchases (CustomerPurchases), summed in minor units.
                Revenue = purchases.Where(o => o.CustomerId == c.Id).Sum(o => (decimal?)o.Total) ?? 0m,
            })
            .AsSplitQuery() // as in ListAsync: tags and shares each in a query of their own
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), id);
        var canEdit = await db.Customers.Where(c => c.Id == id).AnyAsync(editable, cancellationToken);
        var c = profile.Customer;
        return new CustomerProfile(
            c.Id,
            DetailsOf(c),
            profile.Grade?.Name,
            profile.Grade?.Color,
            c.OwnerId,
            profile.OwnerName ?? "",
            profile.Tags,
            profile.SharedWith,
            new CustomerFigures(profile.Revenue, profile.OpenOpportunities, c.LastInteractionAt, null),
            canEdit,
            c.CreatedAt,
            c.UpdatedAt,
            c.Version);
    }

    public async Task<int> CreateAsync(Actor actor, NewCustomer input, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        var customer = new Customer();
        customer.Describe(input.Details);
        var contact = input.PrimaryContact is { } primary ? PrimaryContact(primary) : null;

        await using var db = await dbFactory.CreateForAsync(actor);
        var ownerId = input.OwnerId ?? actor.UserId!.Value;
        await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
        customer.AssignTo(ownerId);
        await RequireGradeAsync(db, customer.GradeId, cancellationToken);
        customer.Tags.AddRange(await TagsAsync(db, input.TagIds ?? [], cancellationToken));
        if (contact is not null)
        {
            customer.Contacts.Add(contact);
        }

        if (!input.IgnoreDuplicates)
        {
            await duplicates.RefuseLikelyDuplicatesAsync(db, DuplicateCandidate.Of(customer), cancellationToken);
        }

        customer.RefreshSearchText();
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return customer.Id;
    }

    public async Task UpdateAsync(Actor actor, int id, CustomerChanges changes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await CustomerAccess.EditableAsync(db, actor, id, changes.ExpectedVersion, cancellationToken, withParts: true);
        var previousName = customer.NormalizedName;
        customer.Describe(changes.Details);
        await RequireGradeAsync(db, customer.GradeId, cancellationToken);
        var tags = await TagsAsync(db, changes.TagIds, cancellationToken);
        customer.Tags.RemoveAll(t => !tags.Contains(t));
        customer.Tags.AddRange(tags.Where(t => !customer.Tags.Contains(t)));
        if (!changes.IgnoreDuplicates && customer.NormalizedName != previousName)
        {
            await duplicates.RefuseLikelyDuplicatesAsync(db, DuplicateCandidate.Of(customer), cancellationToken);
        }

        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the users the customer is shared with. The customer's history records who it is
    /// shared with, and whoever has it open (the users it is now shared with too) hears of it.
    /// </summary>
    public async Task ShareAsync(Actor actor, int id, IReadOnlyCollection<int> userIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await CustomerAccess.EditableAsync(db, actor, id, null, cancellationToken);
        var wanted = userIds.Where(u => u != customer.OwnerId).ToHashSet();
        var existing = await db.RecordShares.Where(s => s.RecordType == nameof(Customer) && s.RecordId == id).ToListAsync(cancellationToken);
        var existingIds = existing.Select(s => s.UserId).ToHashSet();
        var users = await db.Users.Where(u => wanted.Contains(u.Id) || existingIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.IsActive), cancellationToken);
        if (wanted.Any(u => !users.TryGetValue(u, out var user) || !user.IsActive))
        {
            throw new DomainException("Customers.UnknownUser") { Field = "sharedWith" };
        }

        if (wanted.SetEquals(existingIds))
        {
            return;
        }

        db.RecordShares.RemoveRange(existing.Where(s => !wanted.Contains(s.UserId)));
        db.RecordShares.AddRange(wanted.Where(u => !existingIds.Contains(u))
            .Select(u => new RecordShare { RecordType = nameof(Customer), RecordId = id, UserId = u, SharedAt = db.Clock.GetUtcNow() }));
        string? Names(IEnumerable<int> ids) => ids.Any() ? string.Join(", ", ids.Select(u => users[u].DisplayName).Order(StringComparer.Ordinal)) : null;
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(Customer),
            EntityId = id,
            Action = AuditAction.Updated,
            Version = customer.Version,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            At = db.Clock.GetUtcNow(),
            Changes = [new FieldChange("sharedWith", Names(existingIds), Names(wanted))],
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.PublishWhenCommittedAsync([new EntityChange(nameof(Customer), id, AuditAction.Updated, actor.UserId)]);
    }

    /// <summary>Moves a customer to the recycle bin; its contacts and timeline go out of sight with it.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await CustomerAccess.EditableAsync(db, actor, id, expectedVersion, cancellationToken);
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives customers to another owner (bulk assign, or everything a departing rep owned).</summary>
    public async Task<int> AssignAsync(Actor actor, IReadOnlyCollection<int> ids, int ownerId, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        await CustomerAccess.RequireAssignableOwnerAsync(db, actor, ownerId, cancellationToken);
        var customers = await EditableBatchAsync(db, actor, db.Customers, ids, cancellationToken);
        customers.ForEach(c => c.AssignTo(ownerId));
        await db.SaveChangesAsync(cancellationToken);
        return customers.Count;
    }

    /// <summary>
    /// Hands every customer <paramref name="fromUserId"/> owns to <paramref name="toUserId"/> in one
    /// save, for when a rep leaves or changes territory. Managers transfer within their teams.
    /// </summary>
    public async Task<int> TransferAllAsync(Actor actor, int fromUserId, int toUserId, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        if (fromUserId == toUserId)
        {
            throw new DomainException("Customers.TransferToSameUser") { Field = "toUserId" };
        }

        await using var db = await dbFactory.CreateForAsync(actor);
        await CustomerAccess.RequireAssignableOwnerAsync(db, actor, toUserId, cancellationToken);
        var customers = await db.Customers.Where(c => c.OwnerId == fromUserId).Where(CustomerAccess.Editable(db, actor)).ToListAsync(cancellationToken);
        customers.ForEach(c => c.AssignTo(toUserId));

        // Their open deals go along, in the same save: a deal the actor may edit, of the departing owner.
        var deals = await db.Opportunities.Where(o => o.OwnerId == fromUserId && o.Stage!.Kind == PipelineStageKind.Open)
            .Where(Stewardship.Editable<Opportunity>(db, actor))
            .ToListAsync(cancellationToken);
        deals.ForEach(o => o.AssignTo(toUserId));
        await db.SaveChangesAsync(cancellationToken);
        return customers.Count;
    }

    public async Task<int> AddTagAsync(Actor actor, IReadOnlyCollection<int> ids, int tagId, CancellationToken cancellationToken = default) =>
        await BulkEditAsync(actor, ids, async (db, customers) =>
        {
            var tag = (await TagsAsync(db, [tagId], cancellationToken)).Single();
            foreach (var customer in customers.Where(c => !c.Tags.Contains(tag)))
            {
                customer.Tags.Add(tag);
            }
        }, cancellationToken);

    public async Task<int> RemoveTagAsync(Actor actor, IReadOnlyCollection<int> ids, int tagId, CancellationToken cancellationToken = default) =>
        await BulkEditAsync(actor, ids, (_, customers) =>
        {
            customers.ForEach(c => c.Tags.RemoveAll(t => t.Id == tagId));
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task<int> SetGradeAsync(Actor actor, IReadOnlyCollection<int> ids, int? gradeId, CancellationToken cancellationToken = default) =>
        await BulkEditAsync(actor, ids, async (db, customers) =>
        {
            await RequireGradeAsync(db, gradeId, cancellationToken);
            customers.ForEach(c => c.GradeId = gradeId);
        }, cancellationToken);

    /// <summary>
    /// A new customer's first contact. Its fields are named after the contact ("contactName",
    /// "contactMobile"…): the customer's own name must not be blamed for the contact's.
    /// </summary>
    private static Contact PrimaryContact(ContactDetails details)
    {
        var contact = new Contact();
        try
        {
            contact.Describe(details with { IsPrimary = true });
        }
        catch (DomainException error) when (error.Field is { Length: > 0 } field)
        {
            throw new DomainException(error.Code, [.. error.Arguments]) { Field = "contact" + char.ToUpperInvariant(field[0]) + field[1..] };
        }

        return contact;
    }

    internal static CustomerDetails DetailsOf(Customer c) =>
        new(c.Name, c.Kind, c.Industry, c.Province, c.City, c.Address, c.Source, c.GradeId, c.Status, c.Notes);

    internal static async Task<List<Tag>> TagsAsync(SalesHubDbContext db, IReadOnlyCollection<int> tagIds, CancellationToken cancellationToken)
    {
        var distinct = tagIds.Distinct().ToList();
        var tags = await db.Tags.Where(t => distinct.Contains(t.Id)).ToListAsync(cancellationToken);
        return tags.Count == distinct.Count ? tags : throw new DomainException("Customers.UnknownTag") { Field = "tagIds" };
    }

    private async Task<int> BulkEditAsync(Actor actor, IReadOnlyCollection<int> ids, Func<SalesHubDbContext, List<Customer>, Task> edit, CancellationToken cancellationToken)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var customers = await EditableBatchAsync(db, actor, db.Customers.Include(c => c.Tags).Include(c => c.Contacts), ids, cancellationToken);
        await edit(db, customers);
        customers.ForEach(c => c.RefreshSearchText());
        await db.SaveChangesAsync(cancellationToken);
        return customers.Count;
    }

    /// <summary>All of the batch, or nothing: one customer the actor may not edit refuses the whole action.</summary>
    private static async Task<List<Customer>> EditableBatchAsync(
        SalesHubDbContext db, Actor actor, IQueryable<Customer> customers, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var batch = await customers.Where(c => distinct.Contains(c.Id)).Where(CustomerAccess.Editable(db, actor)).ToListAsync(cancellationToken);
        return batch.Count == distinct.Count ? batch : throw new ForbiddenException();
    }

    private static async Task RequireGradeAsync(SalesHubDbContext db, int? gradeId, CancellationToken cancellationToken)
    {
        if (gradeId is { } id && !await db.CustomerGrades.AnyAsync(g => g.Id == id, cancellationToken))
        {
            throw new DomainException("Customers.UnknownGrade") { Field = "gradeId" };
        }
    }

    private static IQueryable<Customer> Filter(SalesHubDbContext db, CustomerQuery query)
    {
        var customers = VisibleByIndex.Of(db, db.Customers.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            customers = CustomerSearch.Matching(db, customers, query.Search);
        }

        if (query.OwnerId is { } owner)
        {
            customers = customers.Where(c => c.OwnerId == owner);
        }

        if (query.TeamId is { } team)
        {
            // A team's manager leads it without being one of its members.
            customers = customers.Where(c => db.Users.Any(u => u.Id == c.OwnerId && u.TeamId == team)
                || db.Teams.Any(t => t.Id == team && t.ManagerId == c.OwnerId));
        }

        if (query.GradeId is { } grade)
        {
            customers = customers.Where(c => c.GradeId == grade);
        }

        if (query.TagId is { } tag)
        {
            customers = customers.Where(c => c.Tags.Any(t => t.Id == tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            customers = customers.Where(c => c.Industry == query.Industry.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            customers = customers.Where(c => c.Province == query.Province.Trim());
        }

        if (query.Status is { } status)
        {
            customers = customers.Where(c => c.Status == status);
        }

        return customers;
    }

    private static IQueryable<CustomerRow> Project(SalesHubDbContext db, IQueryable<Customer> customers) =>
        customers.Select(c => new CustomerRow(
            c.Id,
            c.Name,
            c.Kind,
            c.Industry,
            c.Province,
            c.City,
            c.Status,
            c.GradeId,
            c.Grade!.Name,
            c.Grade.Color,
            c.OwnerId,
            db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            c.Contacts.OrderByDescending(k => k.IsPrimary).ThenBy(k => k.Id).Select(k => k.Name).FirstOrDefault(),
            c.Contacts.OrderByDescending(k => k.IsPrimary).ThenBy(k => k.Id).Select(k => k.Mobile ?? k.OfficePhone).FirstOrDefault(),
            c.LastInteractionAt,
            c.UpdatedAt,
            c.Tags.OrderBy(t => t.Name).Select(t => new TagChip(t.Id, t.Name, t.Color)).ToList(),
            c.Version));
}
