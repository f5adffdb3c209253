using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Security;

namespace SalesHub.Web.Components.Layout;

public sealed partial class NotificationBell
{
    public const int Latest = 8;

    private static readonly string[] WatchedTypes = [nameof(Notification)];

    private Actor _actor = Actor.Nobody;
    private int _unread;
    private IReadOnlyList<NotificationView> _latest = [];

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private DisplayPreferences Preferences { get; set; } = new(false, null);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        if (_actor.UserId is not null)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _unread = await Inbox.CountUnreadAsync(_actor);
        _latest = (await Inbox.ListAsync(_actor, 1, Latest)).Items;
    }

    /// <summary>Another user's notifications are none of this bell's business; a new one of ours is shown as a toast too.</summary>
    private async Task OnChangeAsync(IReadOnlyList<EntityChange> changes)
    {
        var ours = changes.Where(c => c.RecipientUserId == _actor.UserId && _actor.UserId is not null).ToList();
        if (ours.Count == 0)
        {
            return;
        }

        await LoadAsync();
        var arrived = ours.Where(c => c.Action == AuditAction.Created).Select(c => c.EntityId).ToHashSet();
        foreach (var notification in _latest.Where(n => arrived.Contains(n.Id)).Reverse())
        {
            Snackbar.Add(NotificationText.Describe(L, notification), Severity.Info, options =>
            {
                options.Action = L["Notifications.View"];
                options.ActionColor = Color.Inherit;
                options.OnClick = _ => OpenAsync(notification);
            });
        }

        StateHasChanged();
    }

    private async Task OpenAsync(NotificationView notification)
    {
        if (await Inbox.OpenAsync(_actor, notification.Id) is { } link)
        {
            Navigation.NavigateTo(link);
        }
        else
        {
            await LoadAsync();
        }
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_actor);
        await LoadAsync();
    }
}
