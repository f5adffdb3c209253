using SalesHub.Core.Changes;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;

namespace SalesHub.Tests.Core.Payments;

/// <summary>The plan as several people work on one order: edits based on what they saw, an order edited down, pages told of each change.</summary>
public sealed class PaymentPlanTests : IDisposable
{
    private readonly PaymentCompany _company = new();

    private PaymentBook Payments => _company.Payments;

    [Fact]
    public async Task APlanEditBasedOnAPlanReplacedInTheMeantimeIsAConflictAndKeepsTheNewerPlan()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var seen = (await Payments.GetBalanceAsync(_company.Rita, order.Id)).PlanVersion;

        await Payments.SetPlanAsync(_company.Martin, order.Id, [new InstalmentInput(_company.Today.AddDays(30), 113m)], seen);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today.AddDays(10), 50m)], seen));

        Assert.Equal(("Errors.Conflict", PaymentBook.PlanChange, order.Id), (stale.Code, stale.EntityType, stale.EntityId));
        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal([113m], balance.Plan.Select(i => i.Amount));
        Assert.Equal(seen + 1, balance.PlanVersion);
        await Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today.AddDays(10), 50m)], balance.PlanVersion);
        Assert.Equal([50m], (await Payments.GetBalanceAsync(_company.Rita, order.Id)).Plan.Select(i => i.Amount));
    }

    [Fact]
    public async Task ARefusedPlanLeavesThePlanVersionAsItWas()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);

        await Assert.ThrowsAsync<DomainException>(() => Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today, 500m)], 0));

        Assert.Equal(0, (await Payments.GetBalanceAsync(_company.Rita, order.Id)).PlanVersion);
    }

    [Fact]
    public async Task ADraftOrderCannotBeEditedBelowItsPlanAndStaysAsItWas()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m, confirm: false);
        await Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today.AddDays(5), 60m), new InstalmentInput(_company.Today.AddDays(9), 40m)], 0);
        var productId = order.Lines.Single().ProductId;

        var below = await Assert.ThrowsAsync<DomainException>(() => _company.Orders.UpdateDraftAsync(_company.Rita, order.Id,
            new OrderDraft(order.CustomerId, null, "en", [new QuoteLineInput(productId, 1m, UnitPrice: 80m)]), order.Version));
        await _company.Orders.UpdateDraftAsync(_company.Rita, order.Id,
            new OrderDraft(order.CustomerId, null, "en", [new QuoteLineInput(productId, 1m, UnitPrice: 90m)]), order.Version);

        Assert.Equal(("Orders.TotalBelowPaymentPlan", "lines", 100m), (below.Code, below.Field, below.Arguments[0]));
        var balance = await Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal((101.7m, 100m), (balance.Total, balance.Plan.Sum(i => i.Amount)));
    }

    [Fact]
    public async Task PlansPaymentsAndReversalsAreAnnouncedWithTheirOrderOnceCommitted()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var announced = new List<EntityChange>();
        using var subscription = _company.Company.Database.ChangeFeed.Subscribe(changes =>
        {
            announced.AddRange(changes.Where(c => c.EntityType == PaymentBook.PaymentsChange));
            return Task.CompletedTask;
        });

        await Payments.SetPlanAsync(_company.Rita, order.Id, [new InstalmentInput(_company.Today.AddDays(5), 60m)], 0);
        var payment = await _company.PayAsync(_company.Rita, order.Id, 20m);
        await Payments.ReverseAsync(_company.Martin, payment, "bounced");
        await Assert.ThrowsAsync<DomainException>(() => _company.PayAsync(_company.Rita, order.Id, 500m));

        Assert.Equal(
            [(order.Id, _company.Company.Rita.Id), (order.Id, _company.Company.Rita.Id), (order.Id, _company.Company.Martin.Id)],
            announced.Select(c => (c.EntityId, c.ActorUserId ?? 0)));
    }

    public void Dispose() => _company.Dispose();
}
