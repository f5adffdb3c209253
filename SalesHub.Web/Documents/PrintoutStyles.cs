namespace SalesHub.Web.Documents;

/// <summary>
/// The printouts' stylesheet (wwwroot-assets/quote-printout.css), read once: documents carry it inline,
/// because a PDF's page has no address to load it from.
/// </summary>
internal static class PrintoutStyles
{
    private static readonly Lazy<string> Sheet = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "quote-printout.css")));

    public static string Css => Sheet.Value;
}
