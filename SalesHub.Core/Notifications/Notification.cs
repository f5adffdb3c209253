using SalesHub.Core.Records;

namespace SalesHub.Core.Notifications;

/// <summary>What a notification tells; its text is the resource "Notifications.{Kind}", filled in when shown.</summary>
public enum NotificationKind
{
    /// <summary>A quote's discount is above its sender's limit and waits for the recipient's approval.</summary>
    QuoteApprovalRequested,

    /// <summary>The recipient's quote was approved and sent.</summary>
    QuoteApproved,

    /// <summary>The recipient's quote was turned down and is a draft again.</summary>
    QuoteApprovalRejected,

    /// <summary>The recipient's deal has had no activity for longer than its stage allows.</summary>
    OpportunityStale,

    /// <summary>A product's available stock has just fallen to or below its reorder point (told to managers and administrators).</summary>
    StockLow,

    /// <summary>The recipient's contract ends within its renewal reminder days.</summary>
    ContractRenewalDue,
}

/// <summary>
/// Something one user should know about: who did what to which record. Only the facts are stored
/// (a quote number, a comment), never translated text, so each reader sees it in their own language.
/// </summary>
public sealed class Notification : IAddressedRecord
{
    public const int SubjectTypeMaxLength = 60;
    public const int ArgumentMaxLength = 100;
    public const int CommentMaxLength = 1000;
    public const int LinkMaxLength = 200;

    public int Id { get; private set; }

    public int RecipientId { get; internal set; }

    public NotificationKind Kind { get; internal set; }

    /// <summary>The record it is about: its type name ("Quote") and id.</summary>
    public string SubjectType { get; internal set; } = "";

    public int SubjectId { get; internal set; }

    /// <summary>Who caused it; null for the system's own work.</summary>
    public int? ActorId { get; internal set; }

    /// <summary>A short text the message shows, such as the quote's number.</summary>
    public string? Argument { get; internal set; }

    public string? Comment { get; internal set; }

    /// <summary>Where clicking it leads, relative to the app ("/quotes/12").</summary>
    public string? Link { get; internal set; }

    public DateTimeOffset CreatedAt { get; internal set; }

    public DateTimeOffset? ReadAt { get; internal set; }
}
