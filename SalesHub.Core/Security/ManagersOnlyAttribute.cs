namespace SalesHub.Core.Security;

/// <summary>
/// A field only sales managers and administrators see, such as a product's cost: services leave it out of
/// what reps read, and <see cref="Auditing.AuditTrail"/> leaves it out of the history reps read.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ManagersOnlyAttribute : Attribute;
