using System.Globalization;

namespace SalesHub.Web.Components.Shared;

/// <summary>Money in the user's number format with the company's currency symbol, never the currency the culture happens to imply.</summary>
public static class MoneyFormat
{
    public static string Format(decimal amount, string currencySymbol)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = currencySymbol;
        return amount.ToString("C", format);
    }
}
