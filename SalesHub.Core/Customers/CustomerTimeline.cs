using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>
/// The interactions with a customer, newest first. Anyone who sees the customer (its owner, the
/// team's manager, a user it is shared with) may log one; its author or an editor of the customer
/// may change or delete it.
/// </summary>
public sealed class CustomerTimeline(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<Page<InteractionRow>> ListAsync(Actor actor, int customerId, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (take is < 1 or > MaxPageSize || skip < 0)
        {
            throw new DomainException("Errors.InvalidPageSize", MaxPageSize) { Field = "pageSize" };
        }

        await using var db = await dbFactory.CreateForAsync(actor);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new RecordNotFoundException(nameof(Customer), customerId);
        }

        var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId);
        var total = await interactions.CountAsync(cancellationToken);
        var items = await Rows(interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Skip(skip).Take(take))
            .ToListAsync(cancellationToken);
        return new Page<InteractionRow>(items, total);
    }

    /// <summary>One page of the timeline by page number, as the API asks for it.</summary>
    public async Task<Page<InteractionRow>> PageAsync(Actor actor, int customerId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Paging.Require(page, pageSize, MaxPageSize);
        return await ListAsync(actor, customerId, (page - 1) * pageSize, pageSize, cancellationToken);
    }

    public async Task<InteractionRow> GetAsync(Actor actor, int interactionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        return await Rows(db.Interactions.AsNoTracking().Where(i => i.Id == interactionId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Interaction), interactionId);
    }

    public async Task<int> LogAsync(Actor actor, int customerId, InteractionDetails details, CancellationToken cancellationToken = default)
    {
        var interaction = new Interaction { CustomerId = customerId, LoggedById = actor.UserId ?? throw new ForbiddenException() };
        interaction.Describe(details);
        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Customer), customerId);
        await RequireContactOfAsync(db, customerId, details.ContactId, cancellationToken);
        db.Interactions.Add(interaction);
        if (customer.LastInteractionAt is null || customer.LastInteractionAt < interaction.OccurredAt)
        {
            customer.LastInteractionAt = interaction.OccurredAt;
        }

        await OpportunityActivity.RecordAsync(db, customerId, interaction.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return interaction.Id;
    }

    public async Task UpdateAsync(Actor actor, int interactionId, InteractionDetails details, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var interaction = await EditableAsync(db, actor, interactionId, expectedVersion, cancellationToken);
        await RequireContactOfAsync(db, interaction.CustomerId, details.ContactId, cancellationToken);
        interaction.Describe(details);
        await RefreshLastInteractionAsync(db, interaction, removed: false, cancellationToken);
        await OpportunityActivity.RecordAsync(db, interaction.CustomerId, interaction.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, int interactionId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var interaction = await EditableAsync(db, actor, interactionId, expectedVersion, cancellationToken);
        db.Interactions.Remove(interaction);
        await RefreshLastInteractionAsync(db, interaction, removed: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<InteractionRow> Rows(IQueryable<Interaction> interactions) =>
        interactions.Select(i => new InteractionRow(
            i.Id, i.CustomerId, i.Kind, i.OccurredAt, i.ContactId, i.Contact!.Name, i.Summary, i.Outcome, i.NextStep,
            i.LoggedById, i.LoggedBy!.DisplayName, i.Version));

    private static async Task<Interaction> EditableAsync(SalesHubDbContext db, Actor actor, int interactionId, long expectedVersion, CancellationToken cancellationToken)
    {
        var interaction = await db.Interactions.SingleOrDefaultAsync(i => i.Id == interactionId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Interaction), interactionId);
        if (interaction.LoggedById != actor.UserId)
        {
            await CustomerAccess.EditableAsync(db, actor, interaction.CustomerId, null, cancellationToken);
        }

        db.Entry(interaction).Property(i => i.Version).OriginalValue = expectedVersion;
        return interaction;
    }

    private static async Task RequireContactOfAsync(SalesHubDbContext db, int customerId, int? contactId, CancellationToken cancellationToken)
    {
        if (contactId is { } id && !await db.Contacts.AnyAsync(k => k.Id == id && k.CustomerId == customerId, cancellationToken))
        {
            throw new DomainException("Interactions.UnknownContact") { Field = "contactId" };
        }
    }

    /// <summary>An edited or deleted interaction may have been the latest one; set in the same save as the interaction.</summary>
    private static async Task RefreshLastInteractionAsync(SalesHubDbContext db, Interaction changed, bool removed, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == changed.CustomerId, cancellationToken);
        var others = await db.Interactions.Where(i => i.CustomerId == changed.CustomerId && i.Id != changed.Id)
            .MaxAsync(i => (DateTimeOffset?)i.OccurredAt, cancellationToken);
        customer.LastInteractionAt = removed || others > changed.OccurredAt ? others : changed.OccurredAt;
    }
}
