using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;

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

    /// <summary>Days written at once by <see cref="SetHistory"/>: enough to overlap storage writes without flooding the silo.</summary>
    private const int ParallelWrites = 16;

    public static IEnumerable<int> Hours(IReadOnlyList<int> minutes) =>
        Enumerable.Range(0, 24).Select(hour => Enumerable.Range(hour * 60, 60).Sum(minute => minutes[minute]));

    /// <summary>Sets the hours of past days (imported or demo history) in their day grains.</summary>
    public static Task SetHistory(IGrainFactory grains, IEnumerable<HotlineHistoryDay> days) =>
        Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites }, async (day, _) =>
            await grains.GetGrain<IHotlineDayGrain>(Key(day.Line, day.Day)).SetHours(day.CallsByHour));
}
