using Microsoft.Extensions.Options;

namespace SalesHub.Web.Documents;

/// <summary>
/// Starts the PDF printer's Chromium in the background at start-up, so that the first PDF a user
/// asks for never waits on a cold browser. The app starts whatever happens; a failure is logged
/// and the first PDF tries again (and tells the user what is missing).
/// </summary>
internal sealed class PdfPrinterWarmUp(PdfPrinter printer, IOptions<PdfOptions> options, ILogger<PdfPrinterWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            return;
        }

        try
        {
            // Off the start-up path: launching Chromium blocks for a moment before its first await.
            await Task.Run(() => printer.WarmUpAsync(stoppingToken), stoppingToken);
        }
        catch (PdfUnavailableException ex)
        {
            logger.LogWarning(
                "PDF printing is unavailable ({Code}): install Chromium (apt-get install chromium fonts-wqy-microhei fonts-noto-cjk) or set {Setting}",
                ex.Code, $"{PdfOptions.Section}:{nameof(PdfOptions.ChromiumPath)}");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stopped before Chromium was up.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Chromium could not be warmed up for PDF printing; the first PDF will try again");
        }
    }
}
