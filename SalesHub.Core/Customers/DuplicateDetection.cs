using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

public enum DuplicateReason
{
    Name,
    Phone,
    Email,
}

/// <summary>What a customer is compared by: its normalized name, its contacts' phone digits and e-mails.</summary>
public sealed record DuplicateCandidate(string NormalizedName, IReadOnlyCollection<string> Phones, IReadOnlyCollection<string> Emails, int? ExceptId = null)
{
    /// <summary>The keys of what a user has typed so far.</summary>
    public static DuplicateCandidate From(string? name, IEnumerable<string?> phones, IEnumerable<string?> emails, int? exceptId = null) =>
        new(CustomerMatching.NormalizeName(name),
            phones.Select(CustomerMatching.PhoneDigits).Where(p => p.Length > 0).Distinct().ToList(),
            emails.Select(CustomerMatching.NormalizeEmail).Where(e => e.Length > 0).Distinct().ToList(),
            exceptId);

    internal static DuplicateCandidate Of(Customer customer) => From(
        customer.Name,
        customer.Contacts.SelectMany(c => new[] { c.Mobile, c.OfficePhone }),
        customer.Contacts.Select(c => c.Email),
        customer.Id == 0 ? null : customer.Id);
}

/// <summary>
/// A customer that looks like the one being entered. A customer the user may not see is reported
/// without its id or name — only that it exists and who owns it, so they can ask.
/// </summary>
public sealed record DuplicateMatch(int? CustomerId, string? Name, string OwnerName, IReadOnlyList<DuplicateReason> Reasons);

/// <summary>Customers sharing one key, found by a duplicate scan.</summary>
public sealed record DuplicateGroup(DuplicateReason Reason, string Key, IReadOnlyList<CustomerChip> Customers);

public sealed record CustomerChip(int Id, string Name, string OwnerName, DateTimeOffset UpdatedAt);

/// <summary>Saving was refused because likely duplicates exist; the user may confirm and save anyway.</summary>
public sealed class LikelyDuplicateException(IReadOnlyList<DuplicateMatch> matches) : DomainException("Customers.LikelyDuplicate", matches.Count)
{
    public IReadOnlyList<DuplicateMatch> Matches { get; } = matches;
}

/// <summary>Finds customers that are probably the same company or person (查重).</summary>
public sealed class DuplicateDetection(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public const int ScanGroupLimit = 100;

    private static readonly Expression<Func<Contact, string>> MobileKey = k => k.MobileDigits;

    private static readonly Expression<Func<Contact, string>> EmailKey = k => k.EmailKey;

    /// <summary>Likely duplicates of what the user is entering, across all customers (not only visible ones).</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(Actor actor, DuplicateCandidate candidate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        return await FindAsync(db, candidate, cancellationToken);
    }

    internal async Task RefuseLikelyDuplicatesAsync(SalesHubDbContext db, DuplicateCandidate candidate, CancellationToken cancellationToken)
    {
        var matches = await FindAsync(db, candidate, cancellationToken);
        if (matches.Count > 0)
        {
            throw new LikelyDuplicateException(matches);
        }
    }

    /// <summary>Groups of visible customers sharing a name, a phone or an e-mail; for managers and administrators.</summary>
    public async Task<IReadOnlyList<DuplicateGroup>> ScanAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var names = await db.Customers.GroupBy(c => c.NormalizedName)
            .Where(g => g.Key != "" && g.Count() > 1)
            .OrderBy(g => g.Key).Select(g => g.Key).Take(ScanGroupLimit)
            .ToListAsync(cancellationToken);

        var groups = new List<DuplicateGroup>();
        foreach (var name in names)
        {
            groups.Add(new DuplicateGroup(DuplicateReason.Name, name, await ChipsAsync(db, db.Customers.Where(c => c.NormalizedName == name), cancellationToken)));
        }

        foreach (var (reason, key) in new[] { (DuplicateReason.Phone, MobileKey), (DuplicateReason.Email, EmailKey) })
        {
            var shared = await db.Contacts.GroupBy(key)
                .Where(g => g.Key != "" && g.Select(k => k.CustomerId).Distinct().Count() > 1)
                .OrderBy(g => g.Key).Select(g => g.Key).Take(ScanGroupLimit)
                .ToListAsync(cancellationToken);
            foreach (var value in shared)
            {
                var ids = db.Contacts.Where(KeyIs(key, value)).Select(k => k.CustomerId);
                groups.Add(new DuplicateGroup(reason, value, await ChipsAsync(db, db.Customers.Where(c => ids.Contains(c.Id)), cancellationToken)));
            }
        }

        return groups;
    }

    private static Expression<Func<Contact, bool>> KeyIs(Expression<Func<Contact, string>> key, string value) =>
        Expression.Lambda<Func<Contact, bool>>(Expression.Equal(key.Body, Expression.Constant(value)), key.Parameters);

    private static Task<List<CustomerChip>> ChipsAsync(SalesHubDbContext db, IQueryable<Customer> customers, CancellationToken cancellationToken) =>
        customers.OrderBy(c => c.Id)
            .Select(c => new CustomerChip(c.Id, c.Name, db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "", c.UpdatedAt))
            .ToListAsync(cancellationToken);

    internal static async Task<IReadOnlyList<DuplicateMatch>> FindAsync(SalesHubDbContext db, DuplicateCandidate candidate, CancellationToken cancellationToken)
    {
        var (name, phones, emails, exceptId) = candidate;
        var everyone = db.Customers.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]);
        var contacts = db.Contacts.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]);
        var byName = name.Length == 0 ? [] : await everyone.Where(c => c.NormalizedName == name).Select(c => c.Id).ToListAsync(cancellationToken);
        var byPhone = phones.Count == 0 ? [] : await contacts
            .Where(k => phones.Contains(k.MobileDigits) || phones.Contains(k.OfficePhoneDigits))
            .Select(k => k.CustomerId).ToListAsync(cancellationToken);
        var byEmail = emails.Count == 0 ? [] : await contacts.Where(k => emails.Contains(k.EmailKey)).Select(k => k.CustomerId).ToListAsync(cancellationToken);

        var reasons = new Dictionary<int, List<DuplicateReason>>();
        foreach (var (ids, reason) in new[] { (byName, DuplicateReason.Name), (byPhone, DuplicateReason.Phone), (byEmail, DuplicateReason.Email) })
        {
            foreach (var id in ids.Distinct().Where(id => id != exceptId))
            {
                (reasons.TryGetValue(id, out var list) ? list : reasons[id] = []).Add(reason);
            }
        }

        if (reasons.Count == 0)
        {
            return [];
        }

        var matchedIds = reasons.Keys.ToList();
        var visible = (await db.Customers.Where(c => matchedIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var found = await everyone.Where(c => matchedIds.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, OwnerName = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "" })
            .ToListAsync(cancellationToken);
        return found
            .Select(c => visible.Contains(c.Id)
                ? new DuplicateMatch(c.Id, c.Name, c.OwnerName, reasons[c.Id])
                : new DuplicateMatch(null, null, c.OwnerName, reasons[c.Id]))
            .ToList();
    }
}
