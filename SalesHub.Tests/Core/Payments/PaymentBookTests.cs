using SalesHub.Core.Errors;
using SalesHub.Core.Payments;

namespace SalesHub.Tests.Core.Payments;

public sealed class PaymentBookTests : IDisposable
{
    private readonly PaymentCompany _company = new();

    private PaymentBook Payments => _company.Payments;

    [Fact]
    public async Task APlanMayAddUpToTheOrderTotalButNotACentMoreAndIsKeptInDueDateOrder()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita);
        var today = _company.Today;

        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(today.AddDays(30), order.Total - 100m), new InstalmentInput(today.AddDays(60), 100.01m)], 0));
        await Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(today.AddDays(60), 100m, "final"), new InstalmentInput(today.AddDays(30), order.Total - 100m)], 0);

        Assert.Equal(("Payments.PlanExceedsTotal", "instalments"), (tooMuch.Code, tooMuch.Field));
        var plan = (await Payments.GetBalanceAsync(_company.Rita, order.Id)).Plan;
        Assert.Equal([(1, today.AddDays(30), order.Total - 100m, (string?)null), (2, today.AddDays(60), 100m, "final")],
            plan.Select(i => (i.Position, i.DueDate, i.Amount, i.Note)));
    }

    [Fact]
    public async Task BadInstalmentsAreRefusedNamingTheFieldAndKeepThePlan()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita);
        await Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today, 10m)], 0);

        var zero = await Assert.ThrowsAsync<DomainException>(() => Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(_company.Today, 5m), new InstalmentInput(_company.Today, 0m)], 1));
        var fraction = await Assert.ThrowsAsync<DomainException>(() => Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(_company.Today, 5.001m)], 1));

        Assert.Equal(("Payments.InstalmentAmountPositive", "instalments[1].amount"), (zero.Code, zero.Field));
        Assert.Equal(("Errors.TooManyDecimals", "instalments[0].amount"), (fraction.Code, fraction.Field));
        Assert.Equal([10m], (await Payments.GetBalanceAsync(_company.Rita, order.Id)).Plan.Select(i => i.Amount));
    }

    [Fact]
    public async Task ThePlanIsForWhoMayChangeTheOrderAndACancelledOrderHasNone()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita);
        InstalmentInput[] plan = [new InstalmentInput(_company.Today.AddDays(10), 50m)];

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Payments.SetPlanAsync(_company.Sam, order.Id, plan, 0));
        await Payments.SetPlanAsync(_company.Martin, order.Id, plan, 0);
        await _company.PayAsync(_company.Rita, order.Id, 20m);
        await _company.Orders.CancelAsync(_company.Rita, order.Id, "customer withdrew", order.Version);
        var cancelled = await Assert.ThrowsAsync<DomainException>(() => Payments.SetPlanAsync(_company.Rita, order.Id, plan, 1));

        Assert.Equal(("Payments.OrderCancelled", "orderId"), (cancelled.Code, cancelled.Field));
        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Empty(balance.Plan);
        Assert.Equal((20m, 0m, 20m, 0m), (balance.Paid, balance.Outstanding, balance.Credit, balance.OverdueAmount));
        await Assert.ThrowsAsync<DomainException>(() => _company.PayAsync(_company.Rita, order.Id, 1m));
    }

    [Fact]
    public async Task PaidAndOutstandingAreExactToTheCent()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 33.33m);

        await _company.PayAsync(_company.Rita, order.Id, 0.1m);
        await _company.PayAsync(_company.Rita, order.Id, 0.2m);
        await _company.PayAsync(_company.Martin, order.Id, 12.01m);

        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal(37.66m, order.Total);
        Assert.Equal((12.31m, 25.35m, 0m), (balance.Paid, balance.Outstanding, balance.Credit));
    }

    [Fact]
    public async Task APaymentAboveTheOutstandingAmountIsRefusedUnlessItIsAPrepaymentWhoseExcessIsCredit()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        await _company.PayAsync(_company.Rita, order.Id, 100m);

        var over = await Assert.ThrowsAsync<DomainException>(() => _company.PayAsync(_company.Rita, order.Id, 13.01m));
        var negative = await Assert.ThrowsAsync<DomainException>(() => _company.PayAsync(_company.Rita, order.Id, -1m));
        var future = await Assert.ThrowsAsync<DomainException>(() => Payments.RecordAsync(_company.Rita,
            new PaymentInput(order.Id, _company.Today.AddDays(1), 1m, PaymentMethod.Cash)));
        Assert.Equal(1, (await Payments.ListAsync(_company.Rita, new PaymentQuery { OrderId = order.Id })).Total);
        await _company.PayAsync(_company.Rita, order.Id, 50m, prepayment: true);

        Assert.Equal(("Payments.ExceedsOutstanding", "amount", 13m), (over.Code, over.Field, over.Arguments[0]));
        Assert.Equal(("Payments.AmountPositive", "amount"), (negative.Code, negative.Field));
        Assert.Equal(("Payments.ReceivedInFuture", "receivedOn"), (future.Code, future.Field));
        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal((150m, 0m, 37m), (balance.Paid, balance.Outstanding, balance.Credit));
    }

    [Fact]
    public async Task AReversalIsANegativeEntryWithAReasonMadeOnceAndThePaymentStays()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var payment = await _company.PayAsync(_company.Rita, order.Id, 40.5m);

        var noReason = await Assert.ThrowsAsync<DomainException>(() => Payments.ReverseAsync(_company.Rita, payment, " "));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Payments.ReverseAsync(_company.Sam, payment, "wrong order"));
        var reversal = await Payments.ReverseAsync(_company.Rita, payment, "bounced");
        var twice = await Assert.ThrowsAsync<DomainException>(() => Payments.ReverseAsync(_company.Rita, payment, "again"));
        var ofReversal = await Assert.ThrowsAsync<DomainException>(() => Payments.ReverseAsync(_company.Rita, reversal, "again"));

        Assert.Equal(("Payments.ReversalReasonRequired", "reason"), (noReason.Code, noReason.Field));
        Assert.Equal("Payments.AlreadyReversed", twice.Code);
        Assert.Equal("Payments.CannotReverseReversal", ofReversal.Code);
        var rows = (await Payments.ListAsync(_company.Rita, new PaymentQuery { OrderId = order.Id })).Items.OrderBy(p => p.Id).ToList();
        Assert.Equal([(40.5m, (int?)null, true, (string?)null), (-40.5m, payment, false, "bounced")],
            rows.Select(p => (p.Amount, p.ReversesPaymentId, p.IsReversed, p.ReversalReason)));
        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal((0m, order.Total), (balance.Paid, balance.Outstanding));
    }

    [Fact]
    public async Task AnInstalmentIsOverdueOnceItsDateHasPassedAndPaymentsDoNotCoverThePlanUpToIt()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var start = _company.Today;
        await Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(start.AddDays(10), 30m), new InstalmentInput(start.AddDays(20), 30m), new InstalmentInput(start.AddDays(30), 53m)], 0);
        await _company.PayAsync(_company.Rita, order.Id, 40m);

        var onTime = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        _company.Company.Database.Clock.Advance(TimeSpan.FromDays(10));
        var dueToday = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        _company.Company.Database.Clock.Advance(TimeSpan.FromDays(11));
        var late = await Payments.GetBalanceAsync(_company.Rita, order.Id);

        Assert.Equal((0m, start.AddDays(20)), (onTime.OverdueAmount, onTime.NextDueDate));
        Assert.Equal((0m, start.AddDays(20)), (dueToday.OverdueAmount, dueToday.NextDueDate));
        Assert.Equal((20m, start.AddDays(30)), (late.OverdueAmount, late.NextDueDate));
        Assert.Equal([(true, false), (false, true), (false, false)], late.Plan.Select(i => (i.IsCovered, i.IsOverdue)));
    }

    [Fact]
    public async Task ThePaymentListIsFilteredByCustomerDatesAndMethodNewestFirst()
    {
        var ritas = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var sams = await _company.ConfirmedOrderAsync(_company.Company.Sam, 100m);
        var today = _company.Today;
        var early = await Payments.RecordAsync(_company.Rita, new PaymentInput(ritas.Id, today.AddDays(-10), 10m, PaymentMethod.Cash));
        var late = await Payments.RecordAsync(_company.Rita, new PaymentInput(ritas.Id, today, 20m, PaymentMethod.Cash));
        var card = await Payments.RecordAsync(_company.Rita, new PaymentInput(ritas.Id, today.AddDays(-5), 30m, PaymentMethod.Card));
        var samsCash = await Payments.RecordAsync(_company.Sam, new PaymentInput(sams.Id, today, 40m, PaymentMethod.Cash));

        async Task<List<int>> IdsAsync(PaymentQuery query) => (await Payments.ListAsync(_company.Admin, query)).Items.Select(p => p.Id).ToList();

        Assert.Equal([late, card, early], await IdsAsync(new PaymentQuery { CustomerId = _company.Company.RitasCustomer.Id }));
        Assert.Equal([samsCash, late, early], await IdsAsync(new PaymentQuery { Method = PaymentMethod.Cash }));
        Assert.Equal([card, early], await IdsAsync(new PaymentQuery { From = today.AddDays(-10), To = today.AddDays(-1) }));
        Assert.Equal([late], await IdsAsync(new PaymentQuery { From = today, CustomerId = _company.Company.RitasCustomer.Id }));
        var row = (await Payments.ListAsync(_company.Rita, new PaymentQuery())).Items.First();
        Assert.Equal((_company.Company.RitasCustomer.Id, _company.Company.RitasCustomer.Name), (row.CustomerId, row.CustomerName));
    }

    public void Dispose() => _company.Dispose();
}
