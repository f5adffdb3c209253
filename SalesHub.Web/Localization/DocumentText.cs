using System.Globalization;
using System.Resources;

namespace SalesHub.Web.Localization;

/// <summary>
/// The app's texts in a document's own language, whatever the reader's: a quote in Chinese prints in
/// Chinese for an English-speaking rep. Reads the same resources as the pages' localizer.
/// </summary>
public sealed class DocumentText(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new($"{typeof(SharedResource).Namespace}.Resources.{nameof(SharedResource)}", typeof(SharedResource).Assembly);

    public CultureInfo Culture => culture;

    public string this[string key] => Resources.GetString(key, culture) ?? key;

    public string this[string key, params object?[] arguments] => string.Format(culture, this[key], arguments);
}
