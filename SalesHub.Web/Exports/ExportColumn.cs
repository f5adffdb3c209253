namespace SalesHub.Web.Exports;

/// <summary>A column of an exported table.</summary>
/// <param name="Header">The header text, already localized.</param>
/// <param name="WidthHint">
/// Width in characters for the XLSX column; when null the width is measured from the header and
/// the first rows. CSV has no widths and ignores it.
/// </param>
public sealed record ExportColumn(string Header, int? WidthHint = null);
