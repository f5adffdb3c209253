namespace SalesHub.Web.Quoting;

/// <summary>The "QuoteExpiry" settings: how often sent quotes past their validity date are marked Expired.</summary>
public sealed class QuoteExpiryOptions
{
    public const string Section = "QuoteExpiry";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
