using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>
/// Who may do what with a customer beyond seeing it. Seeing is the visibility filter's job; a
/// user a customer is shared with may read it and log interactions, while editing, deleting and
/// restoring belong to its owner, the owner's team manager and administrators.
/// </summary>
internal static class CustomerAccess
{
    /// <summary>The customers <paramref name="actor"/> may edit, as a query predicate.</summary>
    public static Expression<Func<Customer, bool>> Editable(SalesHubDbContext db, Actor actor) => Stewardship.Editable<Customer>(db, actor);

    /// <summary>Loads a customer the actor may edit, expecting <paramref name="expectedVersion"/> when given.</summary>
    public static async Task<Customer> EditableAsync(
        SalesHubDbContext db, Actor actor, int id, long? expectedVersion, CancellationToken cancellationToken, bool withParts = false)
    {
        IQueryable<Customer> query = withParts ? db.Customers.Include(c => c.Contacts).Include(c => c.Tags) : db.Customers;
        var customer = await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), id);
        await RequireEditableAsync(db, actor, customer, cancellationToken);
        if (expectedVersion is { } version)
        {
            db.Entry(customer).Property(c => c.Version).OriginalValue = version;
        }

        return customer;
    }

    public static async Task RequireEditableAsync(SalesHubDbContext db, Actor actor, Customer customer, CancellationToken cancellationToken)
    {
        if (!await db.Customers.Where(c => c.Id == customer.Id).AnyAsync(Editable(db, actor), cancellationToken))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>
    /// Checks that <paramref name="ownerId"/> may own customers assigned by <paramref name="actor"/>:
    /// an active user; a rep assigns only to themselves, a manager within the teams they lead.
    /// </summary>
    public static async Task RequireAssignableOwnerAsync(SalesHubDbContext db, Actor actor, int ownerId, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.IsActive)
            .Select(u => new { u.Id, u.TeamId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Customers.UnknownOwner") { Field = "ownerId" };
        var allowed = actor.IsAdmin
            || owner.Id == actor.UserId
            || (actor.IsManager && await db.Teams.AnyAsync(t => t.ManagerId == actor.UserId && t.Id == owner.TeamId, cancellationToken));
        if (!allowed)
        {
            throw new DomainException("Customers.OwnerNotAllowed") { Field = "ownerId" };
        }
    }
}
