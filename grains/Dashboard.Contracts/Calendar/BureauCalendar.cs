using System.Globalization;

namespace Dashboard.Contracts.Calendar;

/// <summary>The bureau's days: "today", "this month" and "this year" turn at midnight in Asia/Shanghai.</summary>
public static class BureauCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

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
}
