using Microsoft.Extensions.Localization;
using SalesHub.Core.Notifications;

namespace SalesHub.Web.Components.Shared;

/// <summary>A notification's text in the reader's language ("Notifications.{Kind}" filled in), and how long ago it came.</summary>
public static class NotificationText
{
    /// <summary>{0} is who caused it, {1} its argument (a quote's number), {2} its comment.</summary>
    public static string Describe(IStringLocalizer localizer, NotificationView notification) =>
        localizer[$"Notifications.{notification.Kind}", notification.ActorName ?? localizer["History.System"], notification.Argument ?? "", notification.Comment ?? ""];

    public static string Ago(IStringLocalizer localizer, DisplayPreferences preferences, DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        return age switch
        {
            _ when age < TimeSpan.FromMinutes(1) => localizer["Notifications.JustNow"],
            _ when age < TimeSpan.FromHours(1) => localizer["Notifications.MinutesAgo", (int)age.TotalMinutes],
            _ when age < TimeSpan.FromDays(1) => localizer["Notifications.HoursAgo", (int)age.TotalHours],
            _ when age < TimeSpan.FromDays(7) => localizer["Notifications.DaysAgo", (int)age.TotalDays],
            _ => preferences.Format(at),
        };
    }
}
