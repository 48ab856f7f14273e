using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Rescue;

/// <summary>A station's rescue figures as reported upwards: period counters and the arrival days of current residents.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.rescue-totals")]
public sealed record RescueTotals(
    [property: Id(0)] PeriodCounts<RescueCounts> Counts,
    [property: Id(1)] ImmutableArray<Resident> Residents)
{
    /// <summary>People stay "stranded" once they have been at a station for more than three months.</summary>
    public static readonly int StrandedAfterMonths = 3;

    public int StrandedOn(DateOnly today) => Residents.Count(resident => resident.Arrived < today.AddMonths(-StrandedAfterMonths));
}
