using Microsoft.Extensions.Options;
using SalesHub.Core.Contracts;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Contracts;

/// <summary>
/// The quote company (admin Ada, manager Martin leading rep Rita, Sam on another team, customers of Rita's and Sam's)
/// with its order book, the contract book (the company's default reminder: 30 days) and contract files in the test's folder.
/// </summary>
public sealed class ContractCompany : IDisposable
{
    private readonly QuoteCompany _quotes = new();

    public ContractCompany()
    {
        Orders = new OrderBook(Database, _quotes.Settings, Database.Clock);
        Contracts = new ContractBook(Database, _quotes.Settings, Database.Clock);
        Attachments = new ContractAttachments(Database, Options.Create(new SalesHub.Core.Customers.AttachmentOptions { StorageDirectory = Database.AttachmentFolder, MaxBytes = 4096 }));
    }

    public QuoteCompany Quotes => _quotes;

    public TestDatabase Database => _quotes.Database;

    public OrderBook Orders { get; }

    public ContractBook Contracts { get; }

    public ContractAttachments Attachments { get; }

    public Actor Admin => Actor.For(_quotes.Admin);

    public Actor Martin => Actor.For(_quotes.Martin);

    public Actor Rita => Actor.For(_quotes.Rita);

    public Actor Sam => Actor.For(_quotes.Sam);

    public DateOnly Today => _quotes.Today;

    public int RitasCustomerId => _quotes.RitasCustomer.Id;

    public int SamsCustomerId => _quotes.SamsCustomer.Id;

    /// <summary>A direct draft order of one pump for the customer, by its owner.</summary>
    public async Task<int> AddOrderAsync(Actor owner, int customerId)
    {
        var pump = await _quotes.AddProductAsync("pump-" + Guid.NewGuid().ToString("N")[..6]);
        return await Orders.CreateAsync(owner, new OrderDraft(customerId, null, "en", [new QuoteLineInput(pump, 1m)]));
    }

    public ContractDraft Draft(int customerId, int? orderId = null, int? startsInDays = 0, int lastsDays = 365, decimal amount = 120_000m) =>
        new(customerId, orderId, "Annual supply", startsInDays is { } days ? Today.AddDays(days) : null, Today.AddDays((startsInDays ?? 0) + lastsDays), amount);

    /// <summary>A contract of Rita's customer, signed today.</summary>
    public async Task<int> AddSignedAsync(int startsInDays = 0, int lastsDays = 365)
    {
        var id = await Contracts.CreateAsync(Rita, Draft(RitasCustomerId, startsInDays: startsInDays, lastsDays: lastsDays));
        await Contracts.SignAsync(Rita, id, Today, (await Contracts.GetAsync(Rita, id)).Version);
        return id;
    }

    public void Dispose() => _quotes.Dispose();
}
