namespace SalesHub.Web.Contracts;

/// <summary>The "ContractRenewals" settings: how often contracts' statuses follow their dates and owners are reminded to renew.</summary>
public sealed class ContractRenewalsOptions
{
    public const string Section = "ContractRenewals";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
