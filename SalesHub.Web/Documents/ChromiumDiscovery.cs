namespace SalesHub.Web.Documents;

/// <summary>
/// Finds the Chromium that prints PDFs: the configured one, or the first installed at a usual
/// location. Playwright's own downloaded browsers are never needed (servers may have no internet).
/// </summary>
public static class ChromiumDiscovery
{
    public static readonly IReadOnlyList<string> KnownPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The executable to launch; throws <see cref="PdfUnavailableException"/> when there is none.</summary>
    public static string Find(string? configuredPath)
    {
        var found = configuredPath is { Length: > 0 }
            ? (File.Exists(configuredPath) ? configuredPath : null)
            : KnownPaths.FirstOrDefault(File.Exists);
        return found ?? throw new PdfUnavailableException(PdfUnavailableException.ChromiumMissing);
    }
}
