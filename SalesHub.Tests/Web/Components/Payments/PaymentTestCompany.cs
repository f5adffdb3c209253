using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Components.Orders;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Components.Payments;

/// <summary>What the money pages' tests share: the order pages' company (Martin manages Rita) with its payment book, and confirmed orders to pay.</summary>
internal sealed class PaymentTestCompany
{
    private readonly TestDatabase _database;

    public PaymentTestCompany(TestDatabase database, IServiceCollection services, string customerName)
    {
        _database = database;
        Orders = new OrderTestCompany(database, customerName);
        Payments = new PaymentBook(database, database.Clock);
        services.AddSingleton(Orders.Settings);
        services.AddSingleton(Payments);
        services.AddSingleton(new Receivables(database, database.Clock));
        services.AddSingleton<TimeProvider>(database.Clock);
    }

    public OrderTestCompany Orders { get; }

    public PaymentBook Payments { get; }

    public AppUser Rita => Orders.Rita;

    public AppUser Martin => Orders.Martin;

    public DateOnly Today => DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Money as the pages show it in English with the company's default currency.</summary>
    public static string Money(decimal amount) => MoneyText.Format(amount, "¥", CultureInfo.CurrentCulture);

    /// <summary>A confirmed order of <paramref name="owner"/>'s for the customer: one stocked product at <paramref name="price"/> plus 13 % tax.</summary>
    public async Task<Order> ConfirmedOrderAsync(AppUser owner, decimal price = 100m)
    {
        var actor = Actor.For(owner);
        var product = await Orders.ProductAsync("PAY-" + Guid.NewGuid().ToString("N")[..6], price);
        var id = await Orders.Orders.CreateAsync(actor, new OrderDraft(Orders.Customer.Id, null, "en", [new QuoteLineInput(product, 1m)]));
        await Orders.Orders.ConfirmAsync(actor, id, 1);
        return (await Orders.Orders.GetAsync(actor, id)).Order;
    }

    public Task<int> PayAsync(int orderId, decimal amount, string? reference = null, DateOnly? receivedOn = null, PaymentMethod method = PaymentMethod.BankTransfer) =>
        Payments.RecordAsync(Actor.For(Rita), new PaymentInput(orderId, receivedOn ?? Today, amount, method, reference));
}
