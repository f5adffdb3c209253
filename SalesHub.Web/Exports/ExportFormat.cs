namespace SalesHub.Web.Exports;

/// <summary>The file formats a table can be downloaded in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>What an HTTP download of each <see cref="ExportFormat"/> is labelled with.</summary>
public static class ExportFormats
{
    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The file extension with its leading dot, e.g. ".xlsx".</summary>
    public static string FileExtension(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => ".csv",
        ExportFormat.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
