namespace Dashboard.Grains.Registry;

/// <summary>One CSV record with its fields as written (quotes removed, not trimmed).</summary>
/// <param name="Line">The physical line the record starts on.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>Blank lines, and lines of only commas that Excel writes for formatted but empty rows.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}
