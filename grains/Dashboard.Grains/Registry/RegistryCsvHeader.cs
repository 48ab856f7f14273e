namespace Dashboard.Grains.Registry;

/// <summary>Where each known column is in the file and how the file's header spells it.</summary>
internal sealed class RegistryCsvHeader(int width, Dictionary<RegistryColumn, (int Index, string Text)> columns)
{
    /// <summary>How many fields the header has, extra columns included.</summary>
    public int Width => width;

    /// <summary>The header, or null when a required column is missing (every row would fail; the errors say which).</summary>
    public static RegistryCsvHeader? Read(CsvRecord record, List<RegistryCsvError> errors)
    {
        var columns = new Dictionary<RegistryColumn, (int Index, string Text)>();
        var before = errors.Count;
        for (var index = 0; index < record.Fields.Count; index++)
        {
            var text = record.Fields[index].Trim();
            if (RegistryColumn.Find(text) is not { } column)
            {
                continue; // Extra columns (remarks, contact person...) are the clerk's business.
            }

            if (!columns.TryAdd(column, (index, text)))
            {
                var first = columns[column].Text;
                errors.Add(new RegistryCsvError(record.Line, column.Key, string.Equals(first, text, StringComparison.OrdinalIgnoreCase)
                    ? $"表头中“{text}”出现了两次，请只保留一列"
                    : $"表头中“{first}”和“{text}”都表示{column.ChineseName}，请只保留一列"));
            }
        }

        foreach (var column in RegistryColumn.All.Where(column => column.Required && !columns.ContainsKey(column)))
        {
            errors.Add(new RegistryCsvError(record.Line, column.Key,
                $"表头缺少必填列“{column.ChineseName}”，列名可写作：{string.Join("、", column.Names)}"));
        }

        return errors.Count == before ? new RegistryCsvHeader(record.Fields.Count, columns) : null;
    }

    /// <summary>The header text of a column as the file spells it, for messages.</summary>
    public string Text(RegistryColumn column) => columns[column].Text;

    /// <summary>The trimmed value of a column in a row; empty when the column is absent or the row is short.</summary>
    public string Value(CsvRecord record, RegistryColumn column) =>
        columns.TryGetValue(column, out var at) && at.Index < record.Fields.Count ? record.Fields[at.Index].Trim() : string.Empty;
}
