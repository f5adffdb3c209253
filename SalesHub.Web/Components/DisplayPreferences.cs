using System.Text.Json.Serialization;

namespace SalesHub.Web.Components;

/// <summary>
/// What the browser told us about how to show things: dark mode, and its IANA time zone (set by
/// assets/app.js), so that times appear as the user's clock shows them.
/// </summary>
public sealed record DisplayPreferences(bool DarkMode, string? TimeZoneId)
{
    /// <summary>The preferences the request's cookies carry.</summary>
    public static DisplayPreferences From(HttpRequest request) =>
        new(request.Cookies[Hosting.SiteEndpoints.ThemeCookie] == "dark", request.Cookies[Hosting.SiteEndpoints.TimeZoneCookie]);

    [JsonIgnore]
    public TimeZoneInfo TimeZone =>
        TimeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public string Format(DateTimeOffset time) =>
        Local(time).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, TimeZone);
}
