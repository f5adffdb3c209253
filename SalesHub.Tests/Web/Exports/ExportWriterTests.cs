using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SalesHub.Web.Exports;

namespace SalesHub.Tests.Web.Exports;

public sealed class ExportWriterTests
{
    private static readonly string[] Headers = ["客户 Customer", "金额 Amount", "下单时间 Ordered", "已付 Paid", "备注 Note"];
    private static readonly DateTimeOffset OrderedAt = new(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task CsvStartsWithAByteOrderMarkAndKeepsChineseText()
    {
        var bytes = await ExportAsync(ExportFormat.Csv, Headers, ["上海华东贸易有限公司", 1234.5m, OrderedAt, true, null]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "客户 Customer,金额 Amount,下单时间 Ordered,已付 Paid,备注 Note\r\n上海华东贸易有限公司,1234.5,2025-06-01 09:30,TRUE,\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task CsvQuotesCommasQuotesAndNewLinesSoTheyReadBackIntact()
    {
        string[] tricky = ["Acme, Inc.", "say \"hi\"", "line 1\nline 2", "行一\r\n行二", "plain"];

        var bytes = await ExportAsync(ExportFormat.Csv, ["A", "B", "C", "D", "E"], tricky);

        var csv = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"Acme, Inc.\",\"say \"\"hi\"\"\",\"line 1\nline 2\"", csv);
        Assert.Equal(tricky, ReadCsv(bytes)[1]);
    }

    [Fact]
    public async Task CsvTextThatWouldRunAsAFormulaGetsALeadingApostrophe()
    {
        string[] headers = ["=1", "+1", "-1", "@1", "Tab", "CR", "Amount", "Name"];

        var bytes = await ExportAsync(
            ExportFormat.Csv, headers, ["=HYPERLINK(\"http://evil\",\"x\")", "+86 21 5555", "-", "@SUM(A1)", "\tx", "\rx", -5m, "王 = 李"]);

        var rows = ReadCsv(bytes);
        Assert.Equal(["'=1", "'+1", "'-1", "'@1", "Tab", "CR", "Amount", "Name"], rows[0]);
        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"x\")", "'+86 21 5555", "'-", "'@SUM(A1)", "'\tx", "'\rx", "-5", "王 = 李"], rows[1]);
    }

    [Fact]
    public async Task XlsxHasANamedSheetWithABoldFrozenFilteredHeader()
    {
        var bytes = await ExportAsync(ExportFormat.Xlsx, Headers, ["上海华东贸易有限公司", 1234.5m, OrderedAt, true, null], "订单 Orders [2025/06]");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("订单 Orders _2025_06_", sheet.Name?.Value);

        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal("A1:E2", worksheet.Descendants<AutoFilter>().Single().Reference?.Value);

        var header = worksheet.Descendants<Row>().First().Elements<Cell>().ToList();
        Assert.Equal(Headers, header.Select(cell => cell.InlineString!.InnerText));
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var headerFormat = (CellFormat)styles.CellFormats!.ElementAt((int)header[0].StyleIndex!.Value);
        var headerFont = (Font)styles.Fonts!.ElementAt((int)headerFormat.FontId!.Value);
        Assert.NotNull(headerFont.Bold);
    }

    [Fact]
    public async Task XlsxWritesTextNumbersDatesAndFlagsAsTheirOwnCellTypes()
    {
        var bytes = await ExportAsync(ExportFormat.Xlsx, Headers, ["上海华东贸易有限公司", 1234.5m, OrderedAt, true, null]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var row = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(1);
        var cells = row.Elements<Cell>().ToDictionary(cell => cell.CellReference!.Value!);

        Assert.Equal(CellValues.InlineString, cells["A2"].DataType!.Value);
        Assert.Equal("上海华东贸易有限公司", cells["A2"].InlineString!.Text!.Text);

        Assert.Null(cells["B2"].DataType);
        Assert.Equal(1234.5m, decimal.Parse(cells["B2"].CellValue!.Text, CultureInfo.InvariantCulture));

        var ordered = cells["C2"];
        Assert.Null(ordered.DataType);
        Assert.Equal(OrderedAt.DateTime, DateTime.FromOADate(double.Parse(ordered.CellValue!.Text, CultureInfo.InvariantCulture)));
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var dateFormat = (CellFormat)styles.CellFormats!.ElementAt((int)ordered.StyleIndex!.Value);
        var customFormat = styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateFormat.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd hh:mm", customFormat.FormatCode?.Value);

        Assert.Equal((CellValues.Boolean, "1"), (cells["D2"].DataType!.Value, cells["D2"].CellValue!.Text));
        Assert.False(cells.ContainsKey("E2"));
    }

    [Fact]
    public async Task XlsxPassesOpenXmlSchemaValidation()
    {
        var bytes = await ExportAsync(ExportFormat.Xlsx, Headers, ["上海华东贸易有限公司 \u0001", -1234.5m, OrderedAt, false, 3.5d], "O'Brien");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}"));
    }

    [Fact]
    public async Task XlsxColumnsAreSizedFromTheirTextWithChineseCountedDouble()
    {
        var bytes = await ExportAsync(ExportFormat.Xlsx, ["A", "B", "C"], ["上海华东贸易有限公司", "Shanghai Trading", new string('x', 500)]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var widths = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().Select(c => c.Width!.Value);
        Assert.Equal([22d, 18d, 60d], widths);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task NothingIsWrittenSynchronouslyToTheOutput(ExportFormat format)
    {
        var output = new AsyncOnlyStream();

        await ExportWriter.WriteAsync(format, output, "Orders", Headers, Rows(5_000, Headers.Length), CancellationToken.None);

        Assert.True(output.Written.Length > 64 * 1024);
    }

    [Fact]
    public async Task ARowThatDoesNotMatchTheHeaderFailsTheExport()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ExportAsync(ExportFormat.Xlsx, Headers, ["only one value"]));
    }

    [Fact]
    public async Task XlsxStreamsFiftyThousandRowsThatReadBack()
    {
        const int rowCount = 50_000;
        using var output = new MemoryStream();

        await ExportWriter.WriteAsync(
            ExportFormat.Xlsx, output, "Orders", [.. Enumerable.Range(1, 10).Select(i => $"Column {i}")], Rows(rowCount, 10), CancellationToken.None);

        output.Position = 0;
        using var document = SpreadsheetDocument.Open(output, isEditable: false);
        using var reader = OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        var rows = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                rows++;
            }
        }
        Assert.Equal(rowCount + 1, rows);
    }

    private static async Task<byte[]> ExportAsync(ExportFormat format, IReadOnlyList<string> headers, IReadOnlyList<object?> row, string sheetName = "Orders")
    {
        using var output = new MemoryStream();
        await ExportWriter.WriteAsync(format, output, sheetName, headers, Rows([row]), CancellationToken.None);
        return output.ToArray();
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }
        return rows;
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<IReadOnlyList<object?>> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>Order-like rows: text, Chinese text, integers, amounts, dates, flags and blanks.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int count, int columns)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 1_000 == 0)
            {
                await Task.Yield();
            }
            yield return Enumerable.Range(0, columns).Select(c => (c % 7) switch
            {
                0 => $"SO-{i:D6}",
                1 => (object?)("华东区客户 " + i),
                2 => i,
                3 => i * 1.25m,
                4 => OrderedAt.AddMinutes(i),
                5 => i % 2 == 0,
                _ => null,
            }).ToArray();
        }
    }

    /// <summary>A response body: forward-only, and refuses synchronous writes as Kestrel does.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public byte[] Written => _inner.ToArray();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw SynchronousIo();
        public override void Flush() => throw SynchronousIo();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private static InvalidOperationException SynchronousIo() => new("Synchronous operations are disallowed.");
    }
}
