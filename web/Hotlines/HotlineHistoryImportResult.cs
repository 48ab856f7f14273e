namespace Dashboard.Web.Hotlines;

/// <summary>What a history import set: how many lines, line-days and hours.</summary>
public sealed record HotlineHistoryImportResult(string Encoding, int Lines, int Days, int Hours);
