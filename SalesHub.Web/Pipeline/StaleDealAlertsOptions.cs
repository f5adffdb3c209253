namespace SalesHub.Web.Pipeline;

/// <summary>The "StaleDealAlerts" settings: how often deals that turned stale are looked for and their owners told.</summary>
public sealed class StaleDealAlertsOptions
{
    public const string Section = "StaleDealAlerts";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
