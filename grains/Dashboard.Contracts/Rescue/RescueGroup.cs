using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Rescue;

/// <summary>
/// The rescue group of a snapshot: this year's counters at the top level (as the bureau reports them),
/// today's and this month's below, and who is at the stations now.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.rescue-group")]
public sealed record RescueGroup(
    [property: Id(0)] int Stations,
    [property: Id(1)] int Received,
    [property: Id(2)] int Minors,
    [property: Id(3)] int Settled,
    [property: Id(4)] int Reunited,
    [property: Id(5)] int Stranded,
    [property: Id(6)] int Residents,
    [property: Id(7)] RescueCounts Today,
    [property: Id(8)] RescueCounts Month)
{
    /// <summary>Two groups as one: the counts and the people at the stations added up.</summary>
    public RescueGroup Add(RescueGroup other) => new(
        Stations + other.Stations, Received + other.Received, Minors + other.Minors, Settled + other.Settled, Reunited + other.Reunited,
        Stranded + other.Stranded, Residents + other.Residents, Today.Add(other.Today), Month.Add(other.Month));

    public static RescueGroup Of(IEnumerable<RescueTotals> stations, DateOnly today)
    {
        var list = stations.ToList();
        var counts = list.Aggregate(PeriodCounts<RescueCounts>.Empty(today), (sum, station) => sum.Add(station.Counts, today));
        return new RescueGroup(
            list.Count, counts.Year.Received, counts.Year.Minors, counts.Year.Settled, counts.Year.Reunited,
            list.Sum(station => station.StrandedOn(today)), list.Sum(station => station.Residents.Length), counts.Today, counts.Month);
    }
}
