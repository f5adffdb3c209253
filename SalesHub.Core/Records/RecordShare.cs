namespace SalesHub.Core.Records;

/// <summary>A record its owner has shared with another user, who can then see it too.</summary>
public sealed class RecordShare
{
    public int Id { get; private set; }

    public required string RecordType { get; init; }

    public required int RecordId { get; init; }

    public required int UserId { get; init; }

    public DateTimeOffset SharedAt { get; init; }
}
