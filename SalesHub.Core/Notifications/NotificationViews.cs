namespace SalesHub.Core.Notifications;

/// <summary>One notification as its recipient sees it; <see cref="ActorName"/> is who caused it, when a person did.</summary>
public sealed record NotificationView(
    int Id, NotificationKind Kind, string SubjectType, int SubjectId, string? ActorName, string? Argument, string? Comment,
    string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>What a service tells the people it notifies: the kind, the record it is about, and the text's arguments.</summary>
internal sealed record NotificationMessage(NotificationKind Kind, string SubjectType, int SubjectId, string? Argument, string? Comment, string? Link);
