using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Notifications;

/// <summary>
/// A user's own notifications: read newest first, counted while unread, marked read. Nobody sees or
/// marks anyone else's: another user's notification is not found. Other services add notifications
/// with <see cref="Add"/> inside their own unit of work, so a notification exists exactly when the
/// change it tells of was saved, and the change feed tells the recipient's open app once it is.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<SalesHubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The actor's notifications, newest first.</summary>
    public async Task<Page<NotificationView>> ListAsync(Actor actor, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var userId = RecipientOf(actor);
        Paging.Require(page, pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor);
        var own = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var total = await own.CountAsync(cancellationToken);
        var items = await own
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationView(
                n.Id, n.Kind, n.SubjectType, n.SubjectId,
                db.Users.Where(u => u.Id == n.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                n.Argument, n.Comment, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new Page<NotificationView>(items, total);
    }

    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = RecipientOf(actor);
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one of the actor's notifications read; reading it again changes nothing.</summary>
    public async Task MarkReadAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        await OpenAsync(actor, id, cancellationToken);

    /// <summary>What clicking a notification does, in the bell and on the list alike: it is read now, and leads to its link, if it has one.</summary>
    public async Task<string?> OpenAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var userId = RecipientOf(actor);
        await using var db = await dbFactory.CreateForAsync(actor);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == userId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Notification), id);
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return notification.Link is { Length: > 0 } link ? link : null;
    }

    /// <summary>Marks every unread notification of the actor read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = RecipientOf(actor);
        await using var db = await dbFactory.CreateForAsync(actor);
        var unread = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }

    /// <summary>
    /// Adds <paramref name="message"/> for each recipient to <paramref name="db"/>'s unit of work, from its
    /// actor; the caller's save stores them with its own change. Nobody is told of what they did themselves.
    /// </summary>
    internal static void Add(SalesHubDbContext db, IEnumerable<int> recipientIds, NotificationMessage message)
    {
        var now = db.Clock.GetUtcNow();
        foreach (var recipientId in recipientIds.Distinct().Where(id => id != db.Actor.UserId))
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = recipientId,
                Kind = message.Kind,
                SubjectType = message.SubjectType,
                SubjectId = message.SubjectId,
                ActorId = db.Actor.UserId,
                Argument = Shorten(message.Argument, Notification.ArgumentMaxLength),
                Comment = Shorten(message.Comment, Notification.CommentMaxLength),
                Link = message.Link,
                CreatedAt = now,
            });
        }
    }

    /// <summary>
    /// Marks read, in <paramref name="db"/>'s unit of work, everyone's unread notifications of <paramref name="kind"/> about
    /// one record, once what they asked for is no longer to be done (a quote's approval request after it was decided or
    /// withdrawn). They stay in the list as history, so a reader still sees what was asked and follows it to the outcome.
    /// </summary>
    internal static async Task SettleAsync(SalesHubDbContext db, NotificationKind kind, string subjectType, int subjectId, CancellationToken cancellationToken)
    {
        var open = await db.Notifications
            .Where(n => n.Kind == kind && n.SubjectType == subjectType && n.SubjectId == subjectId && n.ReadAt == null)
            .ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow();
        open.ForEach(n => n.ReadAt = now);
    }

    private static string? Shorten(string? text, int maxLength) => text is { Length: > 0 } && text.Length > maxLength ? text[..maxLength] : text;

    // Notifications belong to people: start-up work has none.
    private static int RecipientOf(Actor actor) => actor.UserId ?? throw new ForbiddenException();
}
