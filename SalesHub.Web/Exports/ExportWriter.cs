using System.Globalization;

namespace SalesHub.Web.Exports;

/// <summary>
/// Streams a table (a header row, then rows of values) to CSV or XLSX for an HTTP download. Rows are
/// pulled one at a time, so a 200,000-row report never sits in memory, and the output stream is only
/// written asynchronously (Kestrel refuses synchronous writes to a response).
/// </summary>
/// <remarks>
/// Values arrive already converted for the reader (local time, rounded amounts). Strings, the numeric
/// types, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="bool"/> and null are
/// written as such; anything else as its invariant text.
/// </remarks>
public static class ExportWriter
{
    internal const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public static Task WriteAsync(
        ExportFormat format,
        Stream output,
        string sheetName,
        IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct) =>
        WriteAsync(format, output, sheetName, headers.Select(header => new ExportColumn(header)).ToList(), rows, ct);

    /// <param name="sheetName">The XLSX worksheet's name; made valid for Excel (31 characters, no []:*?/\). CSV ignores it.</param>
    /// <param name="rows">One list per row with a value for every column, in column order.</param>
    public static Task WriteAsync(
        ExportFormat format,
        Stream output,
        string sheetName,
        IReadOnlyList<ExportColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count, nameof(columns));
        return format switch
        {
            ExportFormat.Csv => CsvExport.WriteAsync(output, columns, rows, ct),
            ExportFormat.Xlsx => XlsxExport.WriteAsync(output, sheetName, columns, rows, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>The text a value is shown as: written to CSV, and measured for XLSX column widths.</summary>
    internal static string ToText(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset time => time.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateTime time => time.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A row that does not match the header is a bug in the query feeding the export: fail loudly.</summary>
    internal static void EnsureRowFits(IReadOnlyList<object?> row, int columnCount, int rowNumber)
    {
        if (row.Count != columnCount)
        {
            throw new ArgumentException($"Row {rowNumber} has {row.Count} values for {columnCount} columns.", "rows");
        }
    }
}
