namespace Dashboard.Grains.Registry;

/// <summary>A problem in a registry CSV file, worded for the data clerk who has to fix it.</summary>
/// <param name="Line">1-based physical line in the file (the header is line 1); a record spanning lines reports the line it starts on.</param>
/// <param name="Column">The column's canonical name (<c>id</c>, <c>name</c>, <c>kind</c>, <c>county</c>, <c>beds</c>, <c>occupants</c>), or null when the problem is not about one column.</param>
/// <param name="Message">Simplified Chinese; names the column as the file's header spells it.</param>
public sealed record RegistryCsvError(int Line, string? Column, string Message);
