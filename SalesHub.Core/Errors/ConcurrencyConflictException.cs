using SalesHub.Core.Auditing;

namespace SalesHub.Core.Errors;

/// <summary>
/// A save was based on a version of the record that somebody else has changed since. Carries the
/// changes made in between, so the user sees what they would have overwritten.
/// </summary>
public sealed class ConcurrencyConflictException(string entityType, int entityId, IReadOnlyList<AuditEntry> interveningChanges)
    : DomainException("Errors.Conflict", entityType, entityId)
{
    public string EntityType { get; } = entityType;

    public int EntityId { get; } = entityId;

    public IReadOnlyList<AuditEntry> InterveningChanges { get; } = interveningChanges;
}
