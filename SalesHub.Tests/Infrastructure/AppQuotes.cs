using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;

namespace SalesHub.Tests.Infrastructure;

/// <summary>Quotes made in a running app through its own services: a new customer and product each time.</summary>
public static class AppQuotes
{
    /// <summary>A draft of <paramref name="ownerEmail"/>'s for a new customer <paramref name="customerName"/>: two pumps at 13 %.</summary>
    public static async Task<QuoteView> CreateAsync(IServiceProvider services, string ownerEmail, string customerName, string language)
    {
        var owner = await services.ActorForAsync(ownerEmail);
        var product = await services.GetRequiredService<ProductCatalog>().CreateAsync(
            await services.ActorForAsync(DemoCompany.ManagerEmail),
            new ProductDetails("Q-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), "Centrifugal pump", "离心泵", "Pumps", "台", 1280m, 800m, 13m));
        var customer = await services.GetRequiredService<CustomerDirectory>().CreateAsync(owner, new NewCustomer(
            new CustomerDetails(customerName, CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Prospect, null), IgnoreDuplicates: true));
        var quotes = services.GetRequiredService<QuoteBook>();
        var id = await quotes.CreateDraftAsync(owner, new QuoteDraft(customer, null, language, [new QuoteLineInput(product, 2m)]));
        return await quotes.GetAsync(owner, id);
    }
}
