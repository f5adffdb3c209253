using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Core.Catalog;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Payments;

/// <summary>Payments and receivables on each supported database through the app's own services: separate connections, real concurrency, each provider's SQL.</summary>
public abstract class PaymentDatabaseContract(CoreServices core)
{
    [Fact]
    public async Task TwoPaymentsAtOnceThatTogetherExceedTheOutstandingAmountRecordOneAndRefuseTheOther()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var pump = await core.Get<ProductCatalog>().CreateAsync(manager, CatalogCompany.Details("pay-" + Guid.NewGuid().ToString("N")[..8], 1000m) with { TracksStock = false });
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("Payer " + Guid.NewGuid().ToString("N")[..8], CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var orders = core.Get<OrderBook>();
        var payments = core.Get<PaymentBook>();

        for (var round = 0; round < 5; round++)
        {
            var order = await orders.CreateAsync(rep, new OrderDraft(customer, null, "en", [new QuoteLineInput(pump, 1m)]));
            await orders.ConfirmAsync(rep, order, 1);
            var total = (await orders.GetAsync(rep, order)).Order.Total;
            var part = total / 2m + 1m;

            var outcomes = await Task.WhenAll(new[] { rep, manager }.Select(actor => Task.Run(async () =>
            {
                try
                {
                    await payments.RecordAsync(actor, new PaymentInput(order, DateOnly.FromDateTime(DateTime.UtcNow), part, PaymentMethod.BankTransfer));
                    return null;
                }
                catch (DomainException error)
                {
                    return error.Code;
                }
            })));

            Assert.Single(outcomes, code => code is null);
            Assert.Single(outcomes, code => code == "Payments.ExceedsOutstanding");
            Assert.Equal(part, (await payments.GetBalanceAsync(manager, order)).Paid);
        }
    }

    [Fact]
    public async Task ReceivablesAndTheirTotalsTranslateToTheDatabasesSql()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var pump = await core.Get<ProductCatalog>().CreateAsync(manager, CatalogCompany.Details("due-" + Guid.NewGuid().ToString("N")[..8], 100m) with { TracksStock = false });
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("Debtor " + Guid.NewGuid().ToString("N")[..8], CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var orders = core.Get<OrderBook>();
        var payments = core.Get<PaymentBook>();
        var order = await orders.CreateAsync(rep, new OrderDraft(customer, null, "en", [new QuoteLineInput(pump, 1m)]));
        await orders.ConfirmAsync(rep, order, 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await payments.SetPlanAsync(rep, order, [new InstalmentInput(today.AddDays(-5), 50m), new InstalmentInput(today.AddDays(5), 63m)], 0);
        await payments.RecordAsync(rep, new PaymentInput(order, today, 20.01m, PaymentMethod.Cash));

        var row = Assert.Single((await core.Get<Receivables>().ListAsync(manager, new ReceivableQuery { CustomerId = customer, Sort = "-overdue" })).Items);
        var total = Assert.Single((await core.Get<Receivables>().TotalsAsync(manager, ReceivableGrouping.Customer, new ReceivableQuery { CustomerId = customer })).Items);

        Assert.Equal((113m, 20.01m, 92.99m, 29.99m, (DateOnly?)today.AddDays(5)), (row.Total, row.Paid, row.Outstanding, row.OverdueAmount, row.NextDueDate));
        Assert.Equal((customer, 1, 92.99m, 29.99m), (total.Id, total.Orders, total.Outstanding, total.OverdueAmount));
    }
}

public sealed class SqlitePaymentDatabaseTests(SqliteCoreServices core) : PaymentDatabaseContract(core), IClassFixture<SqliteCoreServices>;

public sealed class PostgresPaymentDatabaseTests(PostgresCoreServices core) : PaymentDatabaseContract(core), IClassFixture<PostgresCoreServices>;
