using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesHub.Web.Exports;

/// <summary>
/// Writes a one-sheet workbook with <see cref="OpenXmlWriter"/>, element by element: memory holds the
/// first rows (to size the columns, which come before the data in the file), never the sheet.
/// </summary>
/// <remarks>
/// The zip package only writes synchronously, and opened read-write it keeps every part in memory until
/// it closes. So the package is opened write-only, which streams each part into the archive, on a temp
/// file that deletes itself when closed; the finished file is then copied to the output asynchronously.
/// The SDK's SpreadsheetDocument refuses a write-only package, so the three parts are created here.
/// Text is written as inline strings, so there is no shared-string table to hold in memory, and an
/// inline string is never evaluated as a formula (no injection guard needed, unlike CSV).
/// </remarks>
internal static class XlsxExport
{
    private const int MeasuredRows = 200;
    private const int MinWidth = 8;
    private const int MaxWidth = 60;
    private const int MaxSheetName = 31;
    private const int MaxCellText = 32_767; // Excel "repairs" a file with a longer cell
    private const uint HeaderStyle = 1;
    private const uint DateTimeStyle = 2;
    private const uint DateTimeNumberFormat = 164; // the first id free for custom formats
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string SheetRelationshipId = "rId1";

    private static readonly Uri WorkbookUri = new("/xl/workbook.xml", UriKind.Relative);
    private static readonly Uri StylesUri = new("/xl/styles.xml", UriKind.Relative);
    private static readonly Uri SheetUri = new("/xl/worksheets/sheet1.xml", UriKind.Relative);
    private static readonly char[] InvalidSheetNameChars = ['[', ']', ':', '*', '?', '/', '\\'];

    public static async Task WriteAsync(
        Stream output, string sheetName, IReadOnlyList<ExportColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024, FileOptions.DeleteOnClose);

        using (var package = Package.Open(file, FileMode.Create, FileAccess.Write))
        {
            WriteRoot(AddPart(package, StylesUri, "styles+xml"), Styles());
            var lastRow = await WriteSheetAsync(AddPart(package, SheetUri, "worksheet+xml"), columns, rows, ct);
            var workbook = AddPart(package, WorkbookUri, "sheet.main+xml");
            WriteRoot(workbook, Workbook(SheetName(sheetName), columns.Count, lastRow));

            package.CreateRelationship(WorkbookUri, TargetMode.Internal, RelationshipType("officeDocument"));
            workbook.CreateRelationship(StylesUri, TargetMode.Internal, RelationshipType("styles"));
            workbook.CreateRelationship(SheetUri, TargetMode.Internal, RelationshipType("worksheet"), SheetRelationshipId);
        }

        file.Position = 0;
        await file.CopyToAsync(output, ct);
        await output.FlushAsync(ct);
    }

    /// <summary>A name Excel accepts for a worksheet.</summary>
    private static string SheetName(string name)
    {
        var chars = name.Select(c => char.IsControl(c) || InvalidSheetNameChars.Contains(c) ? '_' : c).ToArray();
        var cleaned = new string(chars);
        if (cleaned.Length > MaxSheetName)
        {
            cleaned = cleaned[..(char.IsHighSurrogate(cleaned[MaxSheetName - 1]) ? MaxSheetName - 1 : MaxSheetName)];
        }
        cleaned = cleaned.Trim().Trim('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    private static async Task<int> WriteSheetAsync(
        PackagePart part, IReadOnlyList<ExportColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await using var source = rows.GetAsyncEnumerator(ct);
        var firstRows = new List<IReadOnlyList<object?>>(MeasuredRows);
        var more = true;
        while (firstRows.Count < MeasuredRows && (more = await source.MoveNextAsync()))
        {
            firstRows.Add(source.Current);
        }

        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        var sheet = new SheetWriter(writer, columns.Count);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeaderView());
        writer.WriteElement(new Columns(Widths(columns, firstRows).Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));

        writer.WriteStartElement(new SheetData());
        sheet.WriteHeader(columns);
        foreach (var row in firstRows)
        {
            sheet.WriteRow(row);
        }
        while (more && await source.MoveNextAsync())
        {
            sheet.WriteRow(source.Current);
        }
        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = $"A1:{sheet.LastColumn}{sheet.RowNumber}" });
        writer.WriteEndElement();
        writer.Close();
        return sheet.RowNumber;
    }

    /// <summary>Widths in characters from the header and the first rows; CJK characters are twice as wide.</summary>
    private static IEnumerable<double> Widths(IReadOnlyList<ExportColumn> columns, List<IReadOnlyList<object?>> firstRows) =>
        columns.Select((column, i) =>
        {
            var chars = column.WidthHint ?? firstRows
                .Where(row => i < row.Count)
                .Select(row => DisplayWidth(ExportWriter.ToText(row[i])))
                .Append(DisplayWidth(column.Header))
                .Max() + 2;
            return (double)Math.Clamp(chars, MinWidth, MaxWidth);
        });

    private static int DisplayWidth(string text)
    {
        int longest = 0, line = 0;
        foreach (var c in text)
        {
            line = c == '\n' ? 0 : line + (IsWide(c) ? 2 : 1);
            longest = Math.Max(longest, line);
        }
        return longest;
    }

    // East Asian wide ranges: Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs,
    // CJK compatibility forms, full-width forms.
    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6');

    private static SheetViews FrozenHeaderView() =>
        new(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 });

    private static Stylesheet Styles() =>
        new(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeNumberFormat, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = DateTimeNumberFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
            { Count = 3 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Workbook Workbook(string sheetName, int columnCount, int lastRow) =>
        new(
            new BookViews(new WorkbookView()),
            new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = SheetRelationshipId }),
            // Excel keeps the autofilter's range here as well as in the sheet.
            new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''")}'!$A$1:${ColumnName(columnCount - 1)}${lastRow}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));

    // The write-only package writes parts one after another: each is created just before it is written,
    // and its stream is opened once.
    private static PackagePart AddPart(Package package, Uri uri, string contentTypeSuffix) =>
        package.CreatePart(uri, "application/vnd.openxmlformats-officedocument.spreadsheetml." + contentTypeSuffix, CompressionOption.Normal);

    private static string RelationshipType(string name) =>
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + name;

    private static void WriteRoot(PackagePart part, OpenXmlPartRootElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
        writer.Close();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Writes rows of typed cells, reusing one template element of each kind.</summary>
    private sealed class SheetWriter(OpenXmlWriter writer, int columnCount)
    {
        private readonly string[] _columnNames = Enumerable.Range(0, columnCount).Select(ColumnName).ToArray();
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inlineString = new();
        private readonly Text _text = new();
        private readonly List<OpenXmlAttribute> _attributes = new(3);

        public int RowNumber { get; private set; }

        public string LastColumn => _columnNames[^1];

        public void WriteHeader(IReadOnlyList<ExportColumn> columns)
        {
            StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                WriteText(i, columns[i].Header, HeaderStyle);
            }
            writer.WriteEndElement();
        }

        public void WriteRow(IReadOnlyList<object?> values)
        {
            StartRow();
            ExportWriter.EnsureRowFits(values, columnCount, RowNumber - 1);
            for (var i = 0; i < values.Count; i++)
            {
                WriteCell(i, values[i]);
            }
            writer.WriteEndElement();
        }

        private void StartRow()
        {
            RowNumber++;
            writer.WriteStartElement(_row, [new OpenXmlAttribute("r", "", RowNumber.ToString(CultureInfo.InvariantCulture))]);
        }

        private void WriteCell(int column, object? value)
        {
            switch (value)
            {
                case null:
                    break;
                case string text:
                    WriteText(column, text, style: null);
                    break;
                case DateTimeOffset time:
                    WriteValue(column, time.DateTime.ToOADate(), DateTimeStyle, type: null);
                    break;
                case DateTime time:
                    WriteValue(column, time.ToOADate(), DateTimeStyle, type: null);
                    break;
                case bool flag:
                    WriteValue(column, flag ? "1" : "0", style: null, type: "b");
                    break;
                case double number when !double.IsFinite(number):
                    WriteText(column, ExportWriter.ToText(number), style: null);
                    break;
                case float number when !float.IsFinite(number):
                    WriteText(column, ExportWriter.ToText(number), style: null);
                    break;
                case int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float:
                    WriteValue(column, value, style: null, type: null);
                    break;
                default:
                    WriteText(column, ExportWriter.ToText(value), style: null);
                    break;
            }
        }

        private void WriteValue(int column, object value, uint? style, string? type)
        {
            StartCell(column, style, type);
            writer.WriteStartElement(_value);
            writer.WriteString(ExportWriter.ToText(value));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void WriteText(int column, string text, uint? style)
        {
            text = XmlSafe(text);
            StartCell(column, style, "inlineStr");
            writer.WriteStartElement(_inlineString);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                writer.WriteStartElement(_text, [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]);
            }
            else
            {
                writer.WriteStartElement(_text);
            }
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void StartCell(int column, uint? style, string? type)
        {
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", "", _columnNames[column] + RowNumber.ToString(CultureInfo.InvariantCulture)));
            if (style is { } s)
            {
                _attributes.Add(new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture)));
            }
            if (type is not null)
            {
                _attributes.Add(new OpenXmlAttribute("t", "", type));
            }
            writer.WriteStartElement(_cell, _attributes);
        }

        /// <summary>Drops characters XML cannot carry (control characters pasted from other programs) and cuts to Excel's cell limit.</summary>
        private static string XmlSafe(string text)
        {
            if (text.Length > MaxCellText)
            {
                text = text[..(char.IsHighSurrogate(text[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText)];
            }
            StringBuilder? safe = null;
            for (var i = 0; i < text.Length; i++)
            {
                var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
                if (XmlConvert.IsXmlChar(text[i]) || pair)
                {
                    safe?.Append(text, i, pair ? 2 : 1);
                }
                else
                {
                    safe ??= new StringBuilder(text, 0, i, text.Length);
                }
                if (pair)
                {
                    i++;
                }
            }
            return safe?.ToString() ?? text;
        }
    }
}
