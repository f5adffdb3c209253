using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Contracts;

/// <summary>
/// Contracts (合同): written for a customer, or for one of its orders, by whoever may change the customer's
/// records; owned by the customer's owner. Everybody works on the contracts they see; changing one is for
/// its owner, the owner's team manager and administrators. Signed contracts become Active on their start date
/// and Expired after their end date (<see cref="AdvanceDueAsync"/>, run by a background job and for a contract
/// when it is read or signed), and their owners are reminded to renew (<see cref="RemindRenewalsAsync"/>).
/// </summary>
public sealed class ContractBook(IDbContextFactory<SalesHubDbContext> dbFactory, CompanySettings settings, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private const int Batch = 200;

    private static readonly ListSort<Contract> Sorting = new(
        new Dictionary<string, Expression<Func<Contract, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["number"] = c => c.Number,
            ["title"] = c => c.Title,
            ["customer"] = c => c.CustomerName,
            ["status"] = c => c.Status,
            ["signedOn"] = c => c.SignedOn,
            ["startsOn"] = c => c.StartsOn,
            ["endsOn"] = c => c.EndsOn,
            ["amount"] = c => c.Amount,
            ["updatedAt"] = c => c.UpdatedAt,
        },
        contracts => contracts.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The contracts the actor sees that <paramref name="query"/> leaves, one page of them, sorted and paged in SQL.</summary>
    public async Task<Page<ContractRow>> ListAsync(Actor actor, ContractQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        if (query.EndingWithinDays is < 0 or > Contract.MaxReminderDays)
        {
            throw new DomainException("Contracts.InvalidReminderDays", Contract.MaxReminderDays) { Field = "endingWithinDays" };
        }

        var today = Today;
        // Statuses the dates have moved on since the job's last round are brought up to date first, so the status filter holds.
        await AdvanceDueAsync(today, cancellationToken: cancellationToken);
        await using var db = await dbFactory.CreateForAsync(actor);
        var contracts = Filter(db.Contracts.AsNoTracking(), query, today);
        var total = await contracts.CountAsync(cancellationToken);
        var items = await Sorting.Apply(contracts, query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new ContractRow(
                c.Id, c.Number, c.Title, c.CustomerId, c.CustomerName, c.OrderId,
                db.Orders.Where(o => o.Id == c.OrderId).Select(o => o.Number).FirstOrDefault(),
                c.OwnerId, c.Status, c.SignedOn, c.StartsOn, c.EndsOn, c.Amount,
                (c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active) && c.RemindOn <= today && c.EndsOn >= today,
                c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Page<ContractRow>(items, total);
    }

    /// <summary>A contract the actor sees, its status brought up to date first when its dates say it moved on.</summary>
    public async Task<ContractView> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        var today = Today;
        await using var db = await dbFactory.CreateForAsync(actor);
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Contract), id);
        if (Contract.DueStatus(contract.Status, contract.StartsOn, contract.EndsOn, today) != contract.Status)
        {
            await AdvanceDueAsync(today, id, cancellationToken);
            contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        }

        var orderNumber = contract.OrderId is { } orderId
            ? await db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var ownerName = await db.Users.Where(u => u.Id == contract.OwnerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var canEdit = await Stewardship.MayEditAsync(db, actor, contract.OwnerId, cancellationToken);
        return new ContractView(
            contract.Id, contract.Number, contract.Title, contract.CustomerId, contract.CustomerName, contract.OrderId, orderNumber,
            contract.OwnerId, ownerName, contract.Status, contract.SignedOn, contract.StartsOn, contract.EndsOn, contract.Amount, contract.Notes,
            contract.TerminationReason, contract.TerminatedAt, contract.RenewalReminderDays, contract.RenewalRemindedAt,
            contract.Status is ContractStatus.Signed or ContractStatus.Active && contract.RemindOn <= today && contract.EndsOn >= today,
            canEdit, contract.CreatedAt, contract.UpdatedAt, contract.Version);
    }

    /// <summary>
    /// A Draft contract for a customer the actor sees, and optionally one of that customer's orders. It belongs to the
    /// customer's owner when the actor may work for them, otherwise to the actor (a customer shared with them).
    /// </summary>
    public async Task<int> CreateAsync(Actor actor, ContractDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        actor.RequireSignedIn();
        var actorId = actor.UserId ?? throw new ForbiddenException();
        var reminderDays = draft.RenewalReminderDays ?? (await settings.GetAsync(cancellationToken)).Details.ContractReminderDays;
        return await NumberedRecords.SaveNewAsync(dbFactory, actor, async db =>
        {
            var customer = await db.Customers.Where(c => c.Id == draft.CustomerId).Select(c => new { c.Id, c.Name, c.OwnerId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Contracts.UnknownCustomer") { Field = "customerId" };
            if (draft.OrderId is { } orderId && !await db.Orders.AnyAsync(o => o.Id == orderId && o.CustomerId == customer.Id, cancellationToken))
            {
                throw new DomainException("Contracts.OrderNotOfCustomer") { Field = "orderId" };
            }

            var contract = new Contract();
            contract.AssignTo(await Stewardship.MayEditAsync(db, actor, customer.OwnerId, cancellationToken) ? customer.OwnerId : actorId);
            contract.AddressTo(customer.Id, customer.Name, draft.OrderId);
            contract.Describe(new ContractTerms(draft.Title, draft.StartsOn, draft.EndsOn, draft.Amount, reminderDays, draft.SignedOn, draft.Notes));
            var series = await NumberSeriesSettings.SeriesAsync(db, NumberSeriesKind.Contract, cancellationToken);
            contract.Number = await NumberSeries.NextAsync(
                db.Contracts.IgnoreQueryFilters().Select(c => c.Number), series.Head(Today), series.Digits, cancellationToken);
            return contract;
        }, contract => NumberTakenAsync(contract.Number, cancellationToken), cancellationToken);
    }

    /// <summary>Changes a Draft contract's terms, based on the version the editor read.</summary>
    public Task UpdateAsync(Actor actor, int id, ContractTerms terms, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, expectedVersion, contract => contract.Describe(terms), cancellationToken);

    /// <summary>Signs a Draft contract on <paramref name="signedOn"/> (or the date it carries); it is Active at once when it has started.</summary>
    public Task SignAsync(Actor actor, int id, DateOnly? signedOn, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, expectedVersion, contract => contract.Sign(signedOn, Today), cancellationToken);

    /// <summary>Ends a signed or active contract early, for a reason.</summary>
    public Task TerminateAsync(Actor actor, int id, string? reason, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, expectedVersion, contract => contract.Terminate(reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>Moves a contract to the recycle bin; one that runs (Signed, Active) is terminated first.</summary>
    public async Task DeleteAsync(Actor actor, int id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var contract = await Stewardship.EditableAsync(db, actor, db.Contracts, id, expectedVersion, cancellationToken);
        if (contract.CanTerminate)
        {
            throw new DomainException("Contracts.DeleteRunning") { Field = "status" };
        }

        db.Remove(contract);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Brings back a deleted contract the actor may change.</summary>
    public Task RestoreAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        Stewardship.RestoreAsync<Contract>(dbFactory, actor, id, cancellationToken);

    /// <summary>
    /// Moves signed contracts to Active on their start date and running ones to Expired after their end date, as of
    /// <paramref name="today"/>; only <paramref name="contractId"/> when given. Returns how many moved.
    /// </summary>
    public async Task<int> AdvanceDueAsync(DateOnly today, int? contractId = null, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateForAsync(Actor.System);
            var due = await db.Contracts
                .Where(c => contractId == null || c.Id == contractId)
                .Where(c => (c.Status == ContractStatus.Signed && c.StartsOn <= today) || (c.Status == ContractStatus.Active && c.EndsOn < today))
                .OrderBy(c => c.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            due.ForEach(c => c.Advance(today));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another node, or the owner, changed one of them meanwhile: the next round looks again.
                return moved;
            }

            moved += due.Count;
            if (due.Count < Batch)
            {
                return moved;
            }
        }
    }

    /// <summary>
    /// Tells the owners of running contracts whose reminder date has come, as of <paramref name="today"/>, that they end
    /// soon. Each contract is claimed by setting its reminder time only where it is still unset, so two app nodes
    /// running at once never tell twice. Returns how many owners were told.
    /// </summary>
    public async Task<int> RemindRenewalsAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var told = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateForAsync(Actor.System);
            var due = await Due(db.Contracts.AsNoTracking(), today)
                .OrderBy(c => c.RemindOn).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.OwnerId, c.Number, c.EndsOn })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return told;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var contract in due)
            {
                var claimed = await Due(db.Contracts, today).Where(c => c.Id == contract.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RenewalRemindedAt, now), cancellationToken);
                if (claimed == 1)
                {
                    NotificationInbox.Add(db, [contract.OwnerId], new NotificationMessage(
                        NotificationKind.ContractRenewalDue, nameof(Contract), contract.Id, contract.Number,
                        contract.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ContractLinks.Of(contract.Id)));
                    told++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static IQueryable<Contract> Due(IQueryable<Contract> contracts, DateOnly today) =>
        contracts.Where(c => (c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active)
            && c.RenewalRemindedAt == null && c.RemindOn <= today && c.EndsOn >= today);

    private static IQueryable<Contract> Filter(IQueryable<Contract> contracts, ContractQuery query, DateOnly today)
    {
        if (CustomerMatching.SearchKey(query.Search) is { Length: > 0 } term)
        {
            var raw = query.Search!.Trim();
            var number = raw.ToUpperInvariant();
            contracts = contracts.Where(c => c.Number.Contains(number) || c.Title.Contains(raw) || c.CustomerName.Contains(raw) || c.CustomerName.Contains(term));
        }

        if (query.Status is { } status)
        {
            contracts = contracts.Where(c => c.Status == status);
        }

        if (query.CustomerId is { } customerId)
        {
            contracts = contracts.Where(c => c.CustomerId == customerId);
        }

        if (query.OrderId is { } orderId)
        {
            contracts = contracts.Where(c => c.OrderId == orderId);
        }

        if (query.OwnerId is { } ownerId)
        {
            contracts = contracts.Where(c => c.OwnerId == ownerId);
        }

        if (query.EndingWithinDays is { } days)
        {
            var until = today.AddDays(days);
            contracts = contracts.Where(c => (c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active) && c.EndsOn >= today && c.EndsOn <= until);
        }

        return contracts;
    }

    private async Task ChangeAsync(Actor actor, int id, long expectedVersion, Action<Contract> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        var contract = await Stewardship.EditableAsync(db, actor, db.Contracts, id, expectedVersion, cancellationToken);
        contract.Advance(Today);
        change(contract);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> NumberTakenAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(Actor.System);
        return await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.Number == number, cancellationToken);
    }
}
