using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>A customer's contacts: listed for whoever sees the customer, edited by whoever may edit it.</summary>
public sealed class CustomerContacts(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ContactRow>> ListAsync(Actor actor, int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }

        return await Rows(db.Contacts.Where(k => k.CustomerId == customerId).OrderByDescending(k => k.IsPrimary).ThenBy(k => k.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<ContactRow> GetAsync(Actor actor, int contactId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        return await Rows(db.Contacts.Where(k => k.Id == contactId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contact), contactId);
    }

    /// <summary>Contacts of visible customers matching <paramref name="search"/> by name, phone or e-mail.</summary>
    public async Task<Page<ContactRow>> SearchAsync(Actor actor, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var digits = CustomerMatching.PhoneDigits(text);
            var email = CustomerMatching.NormalizeEmail(text);
            contacts = contacts.Where(k => k.Name.Contains(text) || k.EmailKey.Contains(email)
                || (digits.Length >= 4 && (k.MobileDigits.Contains(digits) || k.OfficePhoneDigits.Contains(digits))));
        }

        var total = await contacts.CountAsync(cancellationToken);
        var items = await Rows(contacts.OrderBy(k => k.Name).ThenBy(k => k.Id)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<ContactRow>(items, total);
    }

    public async Task<int> AddAsync(Actor actor, int customerId, ContactDetails details, CancellationToken cancellationToken = default)
    {
        var contact = new Contact { CustomerId = customerId };
        contact.Describe(details);
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await CustomerAccess.EditableAsync(db, actor, customerId, null, cancellationToken, withParts: true);
        customer.Contacts.Add(contact);
        KeepOnePrimary(customer, contact);
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }

    public async Task UpdateAsync(Actor actor, int contactId, ContactDetails details, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var (customer, contact) = await EditableAsync(db, actor, contactId, expectedVersion, cancellationToken);
        contact.Describe(details);
        KeepOnePrimary(customer, contact);
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a contact to the recycle bin.</summary>
    public async Task DeleteAsync(Actor actor, int contactId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var (customer, contact) = await EditableAsync(db, actor, contactId, expectedVersion, cancellationToken);
        customer.Contacts.Remove(contact);
        db.Contacts.Remove(contact);
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IQueryable<ContactRow> Rows(IQueryable<Contact> contacts) =>
        contacts.Select(k => new ContactRow(k.Id, k.CustomerId, k.Name, k.Title, k.Mobile, k.OfficePhone, k.Email, k.WeChatId, k.IsPrimary, k.Version));

    private static async Task<(Customer Customer, Contact Contact)> EditableAsync(
        SalesHubDbContext db, Actor actor, int contactId, long expectedVersion, CancellationToken cancellationToken)
    {
        var customerId = await db.Contacts.Where(k => k.Id == contactId).Select(k => (int?)k.CustomerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contact), contactId);
        var customer = await CustomerAccess.EditableAsync(db, actor, customerId, null, cancellationToken, withParts: true);
        var contact = customer.Contacts.Single(k => k.Id == contactId);
        db.Entry(contact).Property(k => k.Version).OriginalValue = expectedVersion;
        return (customer, contact);
    }

    /// <summary>A customer has at most one primary contact: marking one unmarks the others.</summary>
    private static void KeepOnePrimary(Customer customer, Contact contact)
    {
        if (contact.IsPrimary)
        {
            foreach (var other in customer.Contacts.Where(k => k != contact && k.IsPrimary))
            {
                other.IsPrimary = false;
            }
        }
    }
}
