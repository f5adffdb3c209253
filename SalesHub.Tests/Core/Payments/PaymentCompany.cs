using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;

namespace SalesHub.Tests.Core.Payments;

/// <summary>The quoting company (admin Ada, manager Martin leading rep Rita, Sam on another team) with its order book, payment book and receivables.</summary>
public sealed class PaymentCompany : IDisposable
{
    public PaymentCompany()
    {
        Orders = new OrderBook(Company.Database, Company.Settings, Company.Database.Clock);
        Payments = new PaymentBook(Company.Database, Company.Database.Clock);
        Receivables = new Receivables(Company.Database, Company.Database.Clock);
    }

    public QuoteCompany Company { get; } = new();

    public OrderBook Orders { get; }

    public PaymentBook Payments { get; }

    public Receivables Receivables { get; }

    public Actor Rita => Actor.For(Company.Rita);

    public Actor Sam => Actor.For(Company.Sam);

    public Actor Martin => Actor.For(Company.Martin);

    public Actor Admin => Actor.For(Company.Admin);

    public DateOnly Today => Company.Today;

    /// <summary>A confirmed order of <paramref name="owner"/>'s (Rita or Sam) for their customer, one line at <paramref name="unitPrice"/> (13 % tax on top).</summary>
    public async Task<Order> ConfirmedOrderAsync(AppUser owner, decimal unitPrice = 1000m, bool confirm = true)
    {
        var actor = Actor.For(owner);
        // A service: the money is what these tests are about, not the stock.
        var product = await Company.AddProductAsync("svc-" + Guid.NewGuid().ToString("N")[..8], unitPrice, tracksStock: false);
        var customer = owner.Id == Company.Sam.Id ? Company.SamsCustomer : Company.RitasCustomer;
        var id = await Orders.CreateAsync(actor, new OrderDraft(customer.Id, null, "en", [new QuoteLineInput(product, 1m)]));
        if (confirm)
        {
            await Orders.ConfirmAsync(actor, id, 1);
        }

        return (await Orders.GetAsync(actor, id)).Order;
    }

    public Task<int> PayAsync(Actor actor, int orderId, decimal amount, bool prepayment = false) =>
        Payments.RecordAsync(actor, new PaymentInput(orderId, Today, amount, PaymentMethod.BankTransfer, "TX-1", IsPrepayment: prepayment));

    public void Dispose() => Company.Dispose();
}
