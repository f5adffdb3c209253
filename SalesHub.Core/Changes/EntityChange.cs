using SalesHub.Core.Auditing;

namespace SalesHub.Core.Changes;

/// <summary>
/// A record that was saved: published on the change feed after the save committed.
/// <paramref name="RecipientUserId"/> is set for a record meant for one user only (a notification).
/// </summary>
public sealed record EntityChange(string EntityType, int EntityId, AuditAction Action, int? ActorUserId, int? RecipientUserId = null);
