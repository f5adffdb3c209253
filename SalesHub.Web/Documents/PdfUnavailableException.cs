using SalesHub.Core.Errors;

namespace SalesHub.Web.Documents;

/// <summary>
/// This server cannot make PDFs: Chromium is missing or does not start. The message tells the user
/// how to install it; printing from their own browser still works.
/// </summary>
public sealed class PdfUnavailableException(string code, params object?[] arguments) : DomainException(code, arguments)
{
    public const string ChromiumMissing = "Pdf.ChromiumMissing";
    public const string ChromiumNotStarted = "Pdf.ChromiumNotStarted";
}
