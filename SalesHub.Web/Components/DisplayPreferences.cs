using System.Text.Json.Serialization;

namespace SalesHub.Web.Components;

/// <summary>
/// What the browser told us about how to show things: dark mode, and its IANA time zone (set by
/// assets/app.js), so that times appear as the user's clock shows them.
/// </summary>
public sealed record DisplayPreferences(bool DarkMode, string? TimeZoneId)
{
    [JsonIgnore]
    public TimeZoneInfo TimeZone =>
        TimeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public string Format(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZone).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
}
