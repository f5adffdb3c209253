namespace SalesHub.Core.Quoting;

/// <summary>One line of a quote.</summary>
public sealed class QuoteLine : PricedLine
{
    public int QuoteId { get; private set; }
}
