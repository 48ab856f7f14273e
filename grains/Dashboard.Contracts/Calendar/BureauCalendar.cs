using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Contracts.Calendar;

/// <summary>The bureau's days: "today", "this month" and "this year" turn at midnight in Asia/Shanghai.</summary>
public static partial class BureauCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Beijing time as people and spreadsheets write it.</summary>
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"];

    /// <summary>An ISO 8601 time that says its offset (Z or ±hh:mm), as a machine writes it; null for anything else.</summary>
    public static DateTimeOffset? ParseInstant(string? text) =>
        text is not null && ExplicitOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : null;

    /// <summary>Beijing time as written (2026-12-05 09:30, 2026/12/5 9:30:00) or an instant with its offset; null for anything else.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        var value = text?.Trim();
        if (!DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ParseInstant(value);
        }

        // Beijing time of the first hours of year 1 lies before the first instant there is.
        return local < DateTime.MinValue.AddDays(1) ? null : new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public static DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>
    /// A day as the APIs take it (<c>2026-11-20</c>), or null. Only years 2000 to 2100: no other day can
    /// have been kept, and near the calendar's end date arithmetic overflows.
    /// </summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100 ? day : null;

    /// <summary>The instant a local day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
