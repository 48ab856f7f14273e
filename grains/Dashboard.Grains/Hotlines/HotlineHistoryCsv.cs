using System.Collections.Immutable;
using System.Globalization;
using Dashboard.Contracts.Calendar;
using Dashboard.Grains.Registry;

namespace Dashboard.Grains.Hotlines;

/// <summary>
/// Reads past inbound calls per line and hour as a bureau exports them: <c>line,hour,calls</c> (or
/// 线路,时段,来电数), UTF-8 or GB18030, hours in Beijing time (<c>2026-10-01 08:00</c>). Only finished
/// days before yesterday can be set: today and yesterday are counted live from events. A line and
/// hour may appear once, so that a file cannot contradict itself.
/// </summary>
public static class HotlineHistoryCsv
{
    public const int MaxCallsPerHour = 10_000;

    /// <summary>A year of history and a little more: the baseline needs four weeks, the charts five.</summary>
    public const int MaxDaysBack = 400;

    private static readonly string[] LineHeaders = ["line", "线路", "区县代码"];
    private static readonly string[] HourHeaders = ["hour", "时段", "时间"];
    private static readonly string[] CallsHeaders = ["calls", "来电数", "来电"];

    /// <param name="lines">The codes of the registry's hotlines the caller may set.</param>
    /// <param name="today">Today in Beijing: history ends before yesterday.</param>
    public static HotlineHistoryCsvResult Parse(byte[] content, IReadOnlySet<string> lines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (text, encodingName) = RegistryCsvEncoding.Decode(content);
        var errors = new List<RegistryCsvError>();
        if (text is null)
        {
            errors.Add(new RegistryCsvError(1, null, RegistryCsvEncoding.Utf16Refused));
            return new HotlineHistoryCsvResult([], [.. errors], encodingName);
        }

        var records = CsvRecordReader.Read(text, errors).Where(record => !record.IsBlank).ToList();
        if (records.Count == 0)
        {
            errors.Add(new RegistryCsvError(1, null, "文件是空的：第一行必须是表头 line,hour,calls（或 线路,时段,来电数）"));
            return new HotlineHistoryCsvResult([], [.. errors], encodingName);
        }

        var header = records[0].Fields.Select(field => field.Trim()).ToList();
        var columns = (Line: Column(header, LineHeaders), Hour: Column(header, HourHeaders), Calls: Column(header, CallsHeaders));
        if (columns.Line < 0 || columns.Hour < 0 || columns.Calls < 0)
        {
            errors.Add(new RegistryCsvError(1, null, $"表头必须包含 line、hour、calls 三列（或 线路、时段、来电数），实际为：{string.Join(",", header)}"));
            return new HotlineHistoryCsvResult([], [.. errors], encodingName);
        }

        var first = today.AddDays(-MaxDaysBack);
        var last = today.AddDays(-2);
        var seen = new Dictionary<(string, DateTimeOffset), int>();
        var days = new Dictionary<(string Line, DateOnly Day), SortedDictionary<int, int>>();
        foreach (var record in records.Skip(1))
        {
            string Field(int index) => index < record.Fields.Count ? record.Fields[index].Trim() : string.Empty;
            void Error(string message) => errors.Add(new RegistryCsvError(record.Line, null, message));

            var line = Field(columns.Line);
            var hourText = Field(columns.Hour);
            var callsText = Field(columns.Calls);
            var before = errors.Count;
            if (!lines.Contains(line))
            {
                Error($"线路“{Shorten(line)}”不是已登记的未保热线（或不在您的区县范围内）；线路用区县代码表示，如 441823");
            }

            if (ParseHour(hourText) is not { } hour)
            {
                Error($"时段“{Shorten(hourText)}”无法识别：请写成北京时间的整点，如 2026-10-01 08:00");
                hour = default;
            }
            else if (BureauCalendar.LocalDate(hour) is var day && (day < first || day > last))
            {
                Error($"时段 {hourText} 超出可导入的范围：{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}（昨天和今天的来电由实时事件统计）");
            }

            if (!int.TryParse(callsText, NumberStyles.None, CultureInfo.InvariantCulture, out var calls) || calls > MaxCallsPerHour)
            {
                Error($"来电数“{Shorten(callsText)}”必须是 0 到 {MaxCallsPerHour} 的整数");
            }

            if (errors.Count > before)
            {
                continue;
            }

            if (!seen.TryAdd((line, hour), record.Line))
            {
                Error($"线路 {line} 的时段 {hourText} 与第 {seen[(line, hour)]} 行重复");
                continue;
            }

            var local = BureauCalendar.LocalTime(hour);
            var hours = days.TryGetValue((line, BureauCalendar.LocalDate(hour)), out var known) ? known : days[(line, BureauCalendar.LocalDate(hour))] = [];
            hours[local.Hour] = calls;
        }

        if (records.Count == 1)
        {
            errors.Add(new RegistryCsvError(1, null, "文件只有表头，没有数据行：每行一条线路的一个整点，如 441823,2026-10-01 08:00,3"));
        }

        return new HotlineHistoryCsvResult(
            [.. days.Select(entry => new HotlineHistoryDay(entry.Key.Line, entry.Key.Day, entry.Value.ToImmutableDictionary()))],
            [.. errors.OrderBy(error => error.Line)],
            encodingName);
    }

    private static int Column(List<string> header, string[] names) =>
        header.FindIndex(field => names.Contains(field, StringComparer.OrdinalIgnoreCase));

    /// <summary>A whole hour: Beijing time as written, or any instant with its offset.</summary>
    private static DateTimeOffset? ParseHour(string text) =>
        BureauCalendar.ParseTime(text) is { } instant && instant.UtcTicks % TimeSpan.TicksPerHour == 0 ? instant : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : $"{value[..40]}…";
}
