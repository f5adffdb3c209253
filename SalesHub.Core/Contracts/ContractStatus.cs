namespace SalesHub.Core.Contracts;

/// <summary>Where a contract (合同) is: Draft → Signed → Active (from its start date) → Expired (after its end date), or Terminated.</summary>
public enum ContractStatus
{
    Draft,
    Signed,
    Active,
    Expired,
    Terminated,
}
