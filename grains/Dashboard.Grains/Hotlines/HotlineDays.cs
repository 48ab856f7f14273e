using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;

namespace Dashboard.Grains.Hotlines;

/// <summary>How hotline days are keyed and sliced.</summary>
public static class HotlineDays
{
    public const int MinutesPerDay = 24 * 60;

    public static readonly ImmutableArray<int> EmptyDay = [.. new int[MinutesPerDay]];

    public static string Key(string code, DateOnly day) => $"{code}/{day:yyyy-MM-dd}";

    public static int MinuteOfDay(DateTimeOffset instant)
    {
        var local = BureauCalendar.LocalTime(instant);
        return local.Hour * 60 + local.Minute;
    }

    public static IEnumerable<int> Hours(IReadOnlyList<int> minutes) =>
        Enumerable.Range(0, 24).Select(hour => Enumerable.Range(hour * 60, 60).Sum(minute => minutes[minute]));
}
