using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Company;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Infrastructure;

/// <summary>Money as a running app shows it to an English-speaking user, in the company's currency.</summary>
public static class CompanyMoney
{
    public static async Task<string> MoneyTextAsync(this IServiceProvider services, decimal amount)
    {
        var currency = (await services.GetRequiredService<CompanySettings>().GetAsync()).Details.CurrencySymbol;
        return MoneyText.Format(amount, currency, CultureInfo.GetCultureInfo("en-US"));
    }
}
