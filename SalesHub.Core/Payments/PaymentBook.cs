using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Payments;

/// <summary>
/// Orders' payment plans and the payments received against them (回款). Everybody reads the money of
/// the orders they see; planning and recording it is for whoever may change the order (its owner, the
/// owner's team manager, administrators). A cancelled order has no plan and takes no new payments,
/// though earlier payments may still be reversed.
/// </summary>
public sealed class PaymentBook(IDbContextFactory<SalesHubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Announced on the change feed, with the order's id, once a plan is replaced or a payment recorded or
    /// reversed: what open pages showing an order's money (or receivables) listen for.
    /// </summary>
    public const string PaymentsChange = "OrderPayments";

    /// <summary>The entity a stale plan edit conflicts with.</summary>
    public const string PlanChange = "PaymentPlan";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The order's total, paid, outstanding, credit and overdue amounts, with its plan instalment by instalment.</summary>
    public async Task<OrderBalance> GetBalanceAsync(Actor actor, int orderId, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var order = await OrderAsync(db, orderId, cancellationToken);
        var paid = await PaidAsync(db, orderId, cancellationToken);
        var plan = order.Status == OrderStatus.Cancelled
            ? []
            : await db.PaymentInstalments.AsNoTracking().Where(i => i.OrderId == orderId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var statuses = PaymentSchedule.Statuses(plan, paid, Today);

        // A cancelled order is owed nothing: whatever was paid on it and not reversed is the customer's credit.
        var owed = order.Status == OrderStatus.Cancelled ? 0m : order.Total;
        return new OrderBalance(
            order.Id, order.Number, order.Status, order.Total, paid,
            Math.Max(0m, owed - paid), Math.Max(0m, paid - owed),
            PaymentSchedule.OverdueAmount(plan, paid, Today), PaymentSchedule.NextDueDate(statuses, Today), statuses,
            await Stewardship.MayEditAsync(db, actor, order.OwnerId, cancellationToken), order.PlanVersion);
    }

    /// <summary>
    /// Replaces the order's payment plan, based on the plan version the editor read (<see cref="OrderBalance.PlanVersion"/>):
    /// a plan replaced in the meantime is a conflict. The instalments may add up to no more than the order's total.
    /// </summary>
    public async Task SetPlanAsync(Actor actor, int orderId, IReadOnlyList<InstalmentInput> instalments, long expectedPlanVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        RequireNotCancelled(await EditableOrderAsync(db, actor, orderId, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Orders.IgnoreQueryFilters()
            .Where(o => o.Id == orderId && o.PaymentPlanVersion == expectedPlanVersion)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.PaymentPlanVersion, x => x.PaymentPlanVersion + 1), cancellationToken);
        if (moved == 0)
        {
            throw new ConcurrencyConflictException(PlanChange, orderId, []);
        }

        // Read again under the lock just taken: an order edited or cancelled meanwhile is judged as it now is.
        var order = await OrderAsync(db, orderId, cancellationToken);
        RequireNotCancelled(order);
        var plan = PaymentSchedule.Plan(orderId, order.Total, instalments);
        await db.PaymentInstalments.Where(i => i.OrderId == orderId).ExecuteDeleteAsync(cancellationToken);
        db.PaymentInstalments.AddRange(plan);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(db, orderId);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records money received against an order. More than the order still owes is refused (on "amount")
    /// unless the payment is marked a prepayment, whose excess is then the customer's credit.
    /// </summary>
    public async Task<int> RecordAsync(Actor actor, PaymentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var order = await EditableOrderAsync(db, actor, input.OrderId, cancellationToken);
        RequireNotCancelled(order);
        var payment = Payment.Receive(order.Id, input, Today, actor.UserId, clock.GetUtcNow());

        // The order is locked first and the check follows the insert, so payments recorded at the same moment are counted.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, order.Id, cancellationToken);
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        var paid = await PaidAsync(db, order.Id, cancellationToken);
        if (!payment.IsPrepayment && paid > order.Total)
        {
            throw new DomainException("Payments.ExceedsOutstanding", Math.Max(0m, order.Total - (paid - payment.Amount))) { Field = "amount" };
        }

        await PublishAsync(db, order.Id);
        await transaction.CommitAsync(cancellationToken);
        return payment.Id;
    }

    /// <summary>Undoes a payment by a reversing entry (its amount negated) with a reason; the payment itself stays as it was.</summary>
    public async Task<int> ReverseAsync(Actor actor, int paymentId, string? reason, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        var payment = await db.Payments.AsNoTracking()
            .Where(p => p.Id == paymentId && db.Orders.Any(o => o.Id == p.OrderId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Payment), paymentId);
        await EditableOrderAsync(db, actor, payment.OrderId, cancellationToken);
        if (await db.Payments.AnyAsync(p => p.ReversesPaymentId == paymentId, cancellationToken))
        {
            throw new DomainException("Payments.AlreadyReversed") { Field = "id" };
        }

        var reversal = payment.Reverse(reason, Today, actor.UserId, clock.GetUtcNow());
        db.Payments.Add(reversal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Reversed at the same moment by somebody else: the unique index kept it to one reversal.
            if (await ReversedAsync(paymentId, cancellationToken))
            {
                throw new DomainException("Payments.AlreadyReversed") { Field = "id" };
            }

            throw;
        }

        await PublishAsync(db, payment.OrderId);
        return reversal.Id;
    }

    /// <summary>Payments of the orders the actor sees (of one of them, of a customer, a date range, a method), newest first, paged in SQL.</summary>
    public async Task<Page<PaymentRow>> ListAsync(Actor actor, PaymentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        actor.RequireSignedIn();
        Paging.Require(query.Page, query.PageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        if (query.OrderId is { } orderId)
        {
            await OrderAsync(db, orderId, cancellationToken);
        }

        var payments = db.Payments.AsNoTracking()
            .Where(p => (query.OrderId == null || p.OrderId == query.OrderId)
                && db.Orders.Any(o => o.Id == p.OrderId && (query.CustomerId == null || o.CustomerId == query.CustomerId)));
        if (query.From is { } from)
        {
            payments = payments.Where(p => p.ReceivedOn >= from);
        }

        if (query.To is { } to)
        {
            payments = payments.Where(p => p.ReceivedOn <= to);
        }

        if (query.Method is { } method)
        {
            payments = payments.Where(p => p.Method == method);
        }

        var total = await payments.CountAsync(cancellationToken);
        var items = await Rows(db, payments.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)).ToListAsync(cancellationToken);
        return new Page<PaymentRow>(items, total);
    }

    /// <summary>A payment of an order the actor sees.</summary>
    public async Task<PaymentRow> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await Rows(db, db.Payments.AsNoTracking().Where(p => p.Id == id && db.Orders.Any(o => o.Id == p.OrderId))).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Payment), id);
    }

    /// <summary>What has been paid of an order: payments less reversals, summed in SQL.</summary>
    internal static async Task<decimal> PaidAsync(SalesHubDbContext db, int orderId, CancellationToken cancellationToken) =>
        await db.Payments.Where(p => p.OrderId == orderId).SumAsync(p => (decimal?)p.Amount, cancellationToken) ?? 0m;

    /// <summary>
    /// Takes the order's row lock (PostgreSQL) or the database's write lock (SQLite) for the rest of the
    /// transaction by writing the order's row unchanged: its payments and plan change one writer at a time.
    /// </summary>
    private static Task LockAsync(SalesHubDbContext db, int orderId, CancellationToken cancellationToken) =>
        db.Orders.IgnoreQueryFilters().Where(o => o.Id == orderId).ExecuteUpdateAsync(o => o.SetProperty(x => x.UpdatedAt, x => x.UpdatedAt), cancellationToken);

    private static IQueryable<PaymentRow> Rows(SalesHubDbContext db, IQueryable<Payment> payments) =>
        payments.Select(p => new PaymentRow(
            p.Id, p.OrderId, db.Orders.Where(o => o.Id == p.OrderId).Select(o => o.Number).First(),
            p.ReceivedOn, p.Amount, p.Method, p.Reference, p.Note, p.IsPrepayment, p.ReversesPaymentId, p.ReversalReason,
            db.Payments.Any(r => r.ReversesPaymentId == p.Id),
            db.Users.Where(u => u.Id == p.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
            p.RecordedAt,
            db.Orders.Where(o => o.Id == p.OrderId).Select(o => o.CustomerId).First(),
            db.Orders.Where(o => o.Id == p.OrderId).Select(o => o.CustomerName).First()));

    private static async Task<OrderMoney> OrderAsync(SalesHubDbContext db, int orderId, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new OrderMoney(o.Id, o.Number, o.Status, o.Total, o.OwnerId, o.PaymentPlanVersion))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new RecordNotFoundException(nameof(Order), orderId);

    private static async Task<OrderMoney> EditableOrderAsync(SalesHubDbContext db, Actor actor, int orderId, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(db, orderId, cancellationToken);
        return await Stewardship.MayEditAsync(db, actor, order.OwnerId, cancellationToken) ? order : throw new ForbiddenException();
    }

    private static void RequireNotCancelled(OrderMoney order)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            throw new DomainException("Payments.OrderCancelled") { Field = "orderId" };
        }
    }

    private async Task<bool> ReversedAsync(int paymentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(Actor.System);
        return await db.Payments.AnyAsync(p => p.ReversesPaymentId == paymentId, cancellationToken);
    }

    /// <summary>
    /// Refuses a change of the order that leaves its total below its payment plan (a draft edited down):
    /// called once the order's row is written, so a plan replaced at the same moment is seen.
    /// </summary>
    internal static async Task RequirePlanWithinTotalAsync(SalesHubDbContext db, int orderId, decimal total, CancellationToken cancellationToken)
    {
        var planned = await db.PaymentInstalments.Where(i => i.OrderId == orderId).SumAsync(i => (decimal?)i.Amount, cancellationToken) ?? 0m;
        if (planned > total)
        {
            throw new DomainException("Orders.TotalBelowPaymentPlan", planned) { Field = "lines" };
        }
    }

    private static Task PublishAsync(SalesHubDbContext db, int orderId) =>
        db.PublishWhenCommittedAsync([new EntityChange(PaymentsChange, orderId, AuditAction.Updated, db.Actor.UserId)]);

    private sealed record OrderMoney(int Id, string Number, OrderStatus Status, decimal Total, int OwnerId, long PlanVersion);
}
