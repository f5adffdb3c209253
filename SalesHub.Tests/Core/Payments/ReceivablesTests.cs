using SalesHub.Core.Errors;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Payments;

public sealed class ReceivablesTests : IDisposable
{
    private readonly PaymentCompany _company = new();

    private Receivables Receivables => _company.Receivables;

    [Fact]
    public async Task EachConfirmedOrderShowsPaidOutstandingNextDueDateAndOverdueAmountAsItsBalanceDoes()
    {
        var order = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Company.Rita, 50m, confirm: false);
        var start = _company.Today;
        await _company.Payments.SetPlanAsync(_company.Rita, order.Id,
            [new InstalmentInput(start.AddDays(30), 53m), new InstalmentInput(start.AddDays(10), 30m), new InstalmentInput(start.AddDays(20), 30m)], 0);
        await _company.PayAsync(_company.Rita, order.Id, 40.01m);
        _company.Company.Database.Clock.Advance(TimeSpan.FromDays(21));

        var row = Assert.Single((await Receivables.ListAsync(_company.Rita, new ReceivableQuery())).Items);

        var balance = await _company.Payments.GetBalanceAsync(_company.Rita, order.Id);
        Assert.Equal((order.Number, "Rita", 113m, 40.01m, 72.99m, start.AddDays(30), 19.99m),
            (row.OrderNumber, row.OwnerName, row.Total, row.Paid, row.Outstanding, row.NextDueDate, row.OverdueAmount));
        Assert.Equal((balance.Outstanding, balance.NextDueDate, balance.OverdueAmount), (row.Outstanding, row.NextDueDate, row.OverdueAmount));
    }

    [Fact]
    public async Task ARepSeesTheirOwnReceivablesTheirManagerTheTeamsAndAnAdminAll()
    {
        var ritas = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        var sams = await _company.ConfirmedOrderAsync(_company.Company.Sam, 200m);
        var paid = await _company.ConfirmedOrderAsync(_company.Company.Sam, 10m);
        await _company.PayAsync(_company.Sam, paid.Id, paid.Total);

        Assert.Equal([ritas.Id], await OrderIdsAsync(_company.Rita, new ReceivableQuery()));
        Assert.Equal([ritas.Id], await OrderIdsAsync(_company.Martin, new ReceivableQuery()));
        Assert.Equal([sams.Id, ritas.Id], await OrderIdsAsync(_company.Admin, new ReceivableQuery { Sort = "-outstanding" }));
        Assert.Equal([paid.Id, ritas.Id, sams.Id], await OrderIdsAsync(_company.Admin, new ReceivableQuery { OutstandingOnly = false, Sort = "total" }));
        Assert.Equal([sams.Id], await OrderIdsAsync(_company.Admin, new ReceivableQuery { OwnerId = _company.Company.Sam.Id }));
        Assert.Equal([ritas.Id], await OrderIdsAsync(_company.Admin, new ReceivableQuery { CustomerId = _company.Company.RitasCustomer.Id }));
        Assert.Empty(await OrderIdsAsync(_company.Sam, new ReceivableQuery { CustomerId = _company.Company.RitasCustomer.Id }));
        var sort = await Assert.ThrowsAsync<DomainException>(() => Receivables.ListAsync(_company.Admin, new ReceivableQuery { Sort = "colour" }));
        Assert.Equal("sort", sort.Field);
    }

    [Fact]
    public async Task TotalsAreSummedPerRepAndPerCustomerOverWhatTheActorSees()
    {
        var first = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Company.Rita, 0.01m);
        await _company.ConfirmedOrderAsync(_company.Company.Sam, 200m);
        await _company.PayAsync(_company.Rita, first.Id, 13.13m);

        var byOwner = (await Receivables.TotalsAsync(_company.Admin, ReceivableGrouping.Owner, new ReceivableQuery())).Items;
        var byCustomer = (await Receivables.TotalsAsync(_company.Rita, ReceivableGrouping.Customer, new ReceivableQuery())).Items;

        Assert.Equal(
            [(_company.Company.Sam.Id, 1, 226m, 0m, 226m), (_company.Company.Rita.Id, 2, 113.01m, 13.13m, 99.88m)],
            byOwner.Select(t => (t.Id, t.Orders, t.Total, t.Paid, t.Outstanding)));
        var customer = Assert.Single(byCustomer);
        Assert.Equal((_company.Company.RitasCustomer.Id, _company.Company.RitasCustomer.Name, 2, 99.88m), (customer.Id, customer.Name, customer.Orders, customer.Outstanding));
    }

    [Fact]
    public async Task TotalsArePagedMostOutstandingFirstAndCountEveryGroup()
    {
        await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Company.Sam, 200m);

        var first = await Receivables.TotalsAsync(_company.Admin, ReceivableGrouping.Owner, new ReceivableQuery { PageSize = 1 });
        var second = await Receivables.TotalsAsync(_company.Admin, ReceivableGrouping.Owner, new ReceivableQuery { PageSize = 1, Page = 2 });
        var late = await Receivables.TotalsAsync(_company.Admin, ReceivableGrouping.Owner, new ReceivableQuery { OverdueOnly = true });

        Assert.Equal((2, _company.Company.Sam.Id, 226m), (first.Total, first.Items.Single().Id, first.Items.Single().Outstanding));
        Assert.Equal((2, _company.Company.Rita.Id), (second.Total, second.Items.Single().Id));
        Assert.Equal(0, late.Total);
        var sum = await Receivables.SumAsync(_company.Admin, new ReceivableQuery());
        Assert.Equal((2, 339m, 339m, 0m), (sum.Orders, sum.Total, sum.Outstanding, sum.OverdueAmount));
        Assert.Equal(0, (await Receivables.SumAsync(_company.Admin, new ReceivableQuery { OverdueOnly = true })).Orders);
        await Assert.ThrowsAsync<DomainException>(() => Receivables.TotalsAsync(_company.Admin, ReceivableGrouping.Owner, new ReceivableQuery { PageSize = 1000 }));
    }

    [Fact]
    public async Task OverdueOnlyKeepsTheOrdersWithAnInstalmentPastDue()
    {
        var late = await _company.ConfirmedOrderAsync(_company.Company.Rita, 100m);
        await _company.ConfirmedOrderAsync(_company.Company.Rita, 50m);
        await _company.Payments.SetPlanAsync(_company.Rita, late.Id, [new InstalmentInput(_company.Today.AddDays(2), 60m)], 0);
        _company.Company.Database.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal([late.Id], await OrderIdsAsync(_company.Rita, new ReceivableQuery { OverdueOnly = true }));
    }

    private async Task<List<int>> OrderIdsAsync(Actor actor, ReceivableQuery query) =>
        (await Receivables.ListAsync(actor, query)).Items.Select(r => r.OrderId).ToList();

    public void Dispose() => _company.Dispose();
}
