using System.Diagnostics;

namespace SalesHub.Tests.Web.Documents;

/// <summary>A PDF's text as a reader sees it, page by page, extracted by poppler's pdftotext.</summary>
public static class PdfText
{
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"saleshub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");

            // pdftotext ends every page with a form feed.
            return (await output).Split('\f')[..^1];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
