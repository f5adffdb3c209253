namespace SalesHub.Core.Quoting;

/// <summary>Where tax is rounded to the currency's cents: on each line (the default), or once per tax rate over the whole quote.</summary>
public enum TaxRounding
{
    PerLine,
    Global,
}
