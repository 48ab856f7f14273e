using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.History;

/// <summary>
/// A scope's figures at the end of one Beijing day (or, for today, as last recorded): beds and people
/// as they stood, and the day's and the month's counts so far. <paramref name="RecordedAt"/> orders
/// records of the same day: a later one replaces an earlier one, never the other way round.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.day-figures")]
public sealed record DayFigures(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] bool Demo,
    [property: Id(3)] CapacityGroup ElderlyCare,
    [property: Id(4)] CapacityGroup ChildWelfare,
    [property: Id(5)] int Residents,
    [property: Id(6)] int Stranded,
    [property: Id(7)] RescueCounts RescueDay,
    [property: Id(8)] RescueCounts RescueMonth,
    [property: Id(9)] HotlineCounts HotlineDay,
    [property: Id(10)] HotlineCounts HotlineMonth)
{
    public static DayFigures Of(ScopeSummary scope, DateOnly day, DateTimeOffset recordedAt) => new(
        day, recordedAt, scope.Demo, scope.ElderlyCare, scope.ChildWelfare, scope.Rescue.Residents, scope.Rescue.Stranded,
        scope.Rescue.Today, scope.Rescue.Month, scope.Hotline.Today, scope.Hotline.Month);
}
