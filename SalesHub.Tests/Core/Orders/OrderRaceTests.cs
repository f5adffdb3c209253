using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Core.Catalog;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Orders;

/// <summary>Orders made at once on a real SQLite file through the app's own services: separate connections, real concurrency.</summary>
public sealed class OrderRaceTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task TwoClicksOnMakeOrderAtOnceMakeOneOrderAndTellTheOtherItIsMade()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var pump = await core.Get<ProductCatalog>().CreateAsync(manager, CatalogCompany.Details("race-" + Guid.NewGuid().ToString("N")[..8]));
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails("Race " + Guid.NewGuid().ToString("N")[..8], CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var quotes = core.Get<QuoteBook>();
        var orders = core.Get<OrderBook>();

        for (var round = 0; round < 6; round++)
        {
            var quote = await quotes.CreateDraftAsync(rep, new QuoteDraft(customer, null, "en", [new QuoteLineInput(pump, round + 1m)]));
            await quotes.SendAsync(rep, quote, 1);
            await quotes.AcceptAsync(rep, quote, 2);

            var outcomes = await Task.WhenAll(new[] { rep, manager }.Select(actor => Task.Run(async () =>
            {
                try
                {
                    return (Id: (int?)await orders.CreateFromQuoteAsync(actor, quote), Code: (string?)null);
                }
                catch (DomainException error)
                {
                    return (Id: null, Code: error.Code);
                }
            })));

            Assert.Single(outcomes, o => o.Id is not null);
            Assert.Equal("Orders.QuoteAlreadyOrdered", Assert.Single(outcomes, o => o.Id is null).Code);
            Assert.Equal(1, (await orders.ListAsync(manager, new OrderQuery { QuoteId = quote })).Total);
        }
    }
}
