using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Contracts.Snapshots;

/// <summary>
/// What a county reports to the city: capacity groups, and the rescue and hotline figures of its
/// stations and line as they stand, so the city can count "today" and "stranded" for any day.
/// Versions are sums of child versions: they only grow, survive restarts without being stored, and
/// are the same on every silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.scope-totals")]
public sealed record ScopeTotals(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] CapacityGroup ElderlyCare,
    [property: Id(6)] CapacityGroup ChildWelfare,
    [property: Id(7)] ImmutableArray<RescueTotals> Stations,
    [property: Id(8)] ImmutableArray<HotlineTotals> Hotlines)
{
    /// <summary>A scope with nothing in it yet (or nothing kept): it shows as empty rather than missing.</summary>
    public static ScopeTotals Empty(string code, string name, DateTimeOffset asOf) =>
        new(code, name, 0, asOf, false, CapacityGroup.Empty, CapacityGroup.Empty, [], []);

    public ScopeSummary Summarize(DateTimeOffset now) => new(
        Code, Name, Version, AsOf, Demo, ElderlyCare, ChildWelfare,
        RescueGroup.Of(Stations, BureauCalendar.LocalDate(now)), HotlineGroup.Of(Hotlines, now));
}
