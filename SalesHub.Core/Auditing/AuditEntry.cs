using System.Text.Json;

namespace SalesHub.Core.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Restored,

    /// <summary>Other customers were merged into this one.</summary>
    Merged,

    /// <summary>Removed from the recycle bin for good.</summary>
    Purged,
}

/// <summary>One field's value before and after a change, as invariant text.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>Who changed which record when, and each changed field's old and new value.</summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Id { get; private set; }

    public required string EntityType { get; init; }

    public required int EntityId { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>The record's version after this change.</summary>
    public long Version { get; init; }

    public int? UserId { get; init; }

    public required string UserName { get; init; }

    public required DateTimeOffset At { get; init; }

    public string ChangesJson { get; private set; } = "[]";

    public IReadOnlyList<FieldChange> Changes
    {
        get => JsonSerializer.Deserialize<List<FieldChange>>(ChangesJson, Json) ?? [];
        init => ChangesJson = JsonSerializer.Serialize(value, Json);
    }

    /// <summary>Leaves <paramref name="fields"/> out of the changes; false when the entry changed nothing else.</summary>
    internal bool Hide(IReadOnlySet<string> fields)
    {
        var kept = Changes.Where(c => !fields.Contains(c.Field)).ToList();
        var hidAll = kept.Count == 0 && Changes.Count > 0;
        ChangesJson = JsonSerializer.Serialize(kept, Json);
        return !hidAll;
    }
}
