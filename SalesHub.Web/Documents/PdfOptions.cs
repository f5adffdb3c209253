namespace SalesHub.Web.Documents;

/// <summary>The "Pdf" settings: which Chromium prints, whether it starts with the app, how many PDFs print at once.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Chromium's executable; when empty, the usual Debian and Google Chrome locations are tried.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>Start Chromium in the background at start-up, so that the first PDF does not wait for it.</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>PDFs printed at the same time; more wait their turn, so that a burst cannot exhaust memory.</summary>
    public int MaxParallelPrints { get; set; } = 8;
}
