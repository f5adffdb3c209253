using System.Globalization;

namespace SalesHub.Web.Localization;

/// <summary>
/// Money as every screen and document writes it: the culture's number format with the company's
/// currency symbol (never the currency the culture happens to imply), always 2 decimals.
/// </summary>
public static class MoneyText
{
    public static string Format(decimal amount, string currencySymbol, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = currencySymbol;
        return amount.ToString("C2", format);
    }
}
