using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace SalesHub.Web.Exports;

/// <summary>Writes CSV: UTF-8 with a byte order mark, CRLF line ends, invariant numbers and dates.</summary>
internal static class CsvExport
{
    // Without the byte order mark Excel reads the file in the machine's ANSI code page and garbles Chinese.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    // Excel and LibreOffice evaluate a CSV cell that starts with one of these as a formula, so text typed
    // by anyone (a customer name such as =HYPERLINK(...)) would run in the reader's spreadsheet (CSV
    // injection). A leading apostrophe keeps it text. Only text gets it: numbers and dates are formatted
    // here, so a negative amount stays a number.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static async Task WriteAsync(
        Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        // CsvWriter buffers a whole record and hands it to the StreamWriter in NextRecordAsync, and the
        // StreamWriter's async writes reach the output asynchronously: no synchronous IO on a response.
        await using var text = new StreamWriter(output, Utf8WithBom, bufferSize: 32 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);

        foreach (var column in columns)
        {
            csv.WriteField(AsText(column.Header));
        }
        await csv.NextRecordAsync();

        var rowNumber = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            ExportWriter.EnsureRowFits(row, columns.Count, ++rowNumber);
            foreach (var value in row)
            {
                csv.WriteField(value is string s ? AsText(s) : ExportWriter.ToText(value));
            }
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await text.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    private static string AsText(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
}
