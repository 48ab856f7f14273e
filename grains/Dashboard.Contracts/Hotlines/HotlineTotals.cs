using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Hotlines;

/// <summary>
/// A hotline's figures as reported upwards: period counters and inbound calls per minute for the last
/// hour up to <paramref name="RecentUntil"/> (the start of the newest minute), so a parent can count
/// "calls in the last hour" at any later moment.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-totals")]
public sealed record HotlineTotals(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] PeriodCounts<HotlineCounts> Counts,
    [property: Id(6)] DateTimeOffset RecentUntil,
    [property: Id(7)] ImmutableArray<int> RecentInbound)
{
    public const int RecentMinutes = 60;

    /// <summary>Inbound calls in the 60 minutes up to and including the minute of <paramref name="now"/>.</summary>
    public int LastHourInbound(DateTimeOffset now)
    {
        var newestMinute = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMinute));
        return RecentInbound.Select((count, index) => (count, minute: RecentUntil.AddMinutes(index - RecentInbound.Length + 1)))
            .Where(entry => entry.minute > newestMinute.AddMinutes(-RecentMinutes) && entry.minute <= newestMinute)
            .Sum(entry => entry.count);
    }
}
