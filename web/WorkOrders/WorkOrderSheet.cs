using System.Globalization;
using Dashboard.Grains.Registry;
using MiniExcelLibs;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// Reads a 12345 export as the platform gives it: an Excel workbook (.xlsx, first sheet) or CSV in
/// UTF-8 or GB18030, a header row, one order per row. Only the mapped columns are taken from each row.
/// </summary>
public static class WorkOrderSheet
{
    /// <summary>More than a year of a city's orders; a bigger workbook is refused before it is read to the end (a CSV once parsed).</summary>
    public const int MaxRows = 200_000;

    public static (IReadOnlyList<WorkOrderRow> Rows, string Format) Read(byte[] content, WorkOrderColumns columns, List<RegistryCsvError> errors)
    {
        // An .xlsx file is a zip archive.
        var (rows, format) = content.AsSpan().StartsWith("PK\u0003\u0004"u8) ? (ReadWorkbook(content, columns, errors), "xlsx") : ReadCsv(content, columns, errors);
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RegistryCsvError(2, null, "文件只有表头，没有工单"));
        }

        return (rows, format);
    }

    private static List<WorkOrderRow> ReadWorkbook(byte[] content, WorkOrderColumns columns, List<RegistryCsvError> errors)
    {
        var rows = new List<WorkOrderRow>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var index = 1;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                index++;
                if (index == 2 && !HasColumns(cells.Keys.ToList(), columns, errors))
                {
                    return [];
                }

                if (cells.Values.All(value => string.IsNullOrWhiteSpace(Text(value))))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    errors.Add(new RegistryCsvError(index, null, $"文件超过 {MaxRows} 行，请按月份分开导出"));
                    return [];
                }

                string? Cell(string name) => cells.TryGetValue(name, out var value) ? Text(value) : null;
                rows.Add(new WorkOrderRow(index, Cell(columns.Number), Cell(columns.ReceivedAt), Cell(columns.District), Cell(columns.Category), Cell(columns.Minor), Cell(columns.Handling)));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever a damaged or foreign file makes the reader throw, the file is what is wrong.
            errors.Add(new RegistryCsvError(1, null, "无法读取这个 Excel 文件：请确认是 .xlsx 格式（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）"));
            return [];
        }

        return rows;
    }

    private static (IReadOnlyList<WorkOrderRow>, string) ReadCsv(byte[] content, WorkOrderColumns columns, List<RegistryCsvError> errors)
    {
        var (text, encoding) = RegistryCsvEncoding.Decode(content);
        if (text is null)
        {
            errors.Add(new RegistryCsvError(1, null, RegistryCsvEncoding.Utf16Refused));
            return ([], encoding);
        }

        var records = CsvRecordReader.Read(text, errors).Where(record => !record.IsBlank).ToList();
        if (records.Count == 0)
        {
            errors.Add(new RegistryCsvError(1, null, $"文件是空的：第一行必须是表头，包含 {string.Join("、", columns.All.Take(3))} 等列"));
            return ([], encoding);
        }

        if (records.Count > MaxRows + 1)
        {
            errors.Add(new RegistryCsvError(records[MaxRows + 1].Line, null, $"文件超过 {MaxRows} 行，请按月份分开导出"));
            return ([], encoding);
        }

        var header = records[0].Fields.Select(field => field.Trim()).ToList();
        if (!HasColumns(header, columns, errors))
        {
            return ([], encoding);
        }

        int At(string name) => header.IndexOf(name);
        var (number, receivedAt, district, category, minor, handling) =
            (At(columns.Number), At(columns.ReceivedAt), At(columns.District), At(columns.Category), At(columns.Minor), At(columns.Handling));
        return ([.. records.Skip(1).Select(record =>
        {
            string? Field(int index) => index >= 0 && index < record.Fields.Count ? record.Fields[index] : null;
            return new WorkOrderRow(record.Line, Field(number), Field(receivedAt), Field(district), Field(category), Field(minor), Field(handling));
        })], $"CSV {encoding}");
    }

    /// <summary>The number, time and district are needed, and at least one of category and minor to tell 未保 orders from the rest.</summary>
    private static bool HasColumns(IReadOnlyList<string> header, WorkOrderColumns columns, List<RegistryCsvError> errors)
    {
        var missing = new[] { columns.Number, columns.ReceivedAt, columns.District }.Where(name => !header.Contains(name)).ToList();
        if (!header.Contains(columns.Category) && !header.Contains(columns.Minor))
        {
            missing.Add($"{columns.Category}或{columns.Minor}");
        }

        if (missing.Count > 0)
        {
            errors.Add(new RegistryCsvError(1, null,
                $"表头缺少列：{string.Join("、", missing)}（列名映射见配置 {WorkOrderOptions.Section}:Columns）；表头为：{string.Join(",", header.Take(30))}"));
        }

        return missing.Count == 0;
    }

    /// <summary>A cell as text; a date cell as Beijing wall-clock time, the way the platform writes it.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        // A long order number in a number cell must read as its digits, not as 2.0261205E+15.
        double number => number.ToString(number % 1 == 0 ? "0" : "R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
