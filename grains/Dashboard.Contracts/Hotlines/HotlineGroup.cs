using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Hotlines;

/// <summary>
/// The hotline group of a snapshot: this year's counters at the top level (as the bureau reports
/// them), today's and this month's below, and inbound calls in the last hour.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-group")]
public sealed record HotlineGroup(
    [property: Id(0)] int Lines,
    [property: Id(1)] int Answered,
    [property: Id(2)] int Missed,
    [property: Id(3)] int Outbound,
    [property: Id(4)] int Consultations,
    [property: Id(5)] int Interventions,
    [property: Id(6)] HotlineCounts Today,
    [property: Id(7)] HotlineCounts Month,
    [property: Id(8)] int LastHourCalls)
{
    /// <summary>Two groups as one: every count added up, the calls of the last hour too.</summary>
    public HotlineGroup Add(HotlineGroup other) => new(
        Lines + other.Lines, Answered + other.Answered, Missed + other.Missed, Outbound + other.Outbound, Consultations + other.Consultations,
        Interventions + other.Interventions, Today.Add(other.Today), Month.Add(other.Month), LastHourCalls + other.LastHourCalls);

    public static HotlineGroup Of(IEnumerable<HotlineTotals> lines, DateTimeOffset now)
    {
        var list = lines.ToList();
        var today = BureauCalendar.LocalDate(now);
        var counts = list.Aggregate(PeriodCounts<HotlineCounts>.Empty(today), (sum, line) => sum.Add(line.Counts, today));
        return new HotlineGroup(
            list.Count, counts.Year.Answered, counts.Year.Missed, counts.Year.Outbound, counts.Year.Consultations, counts.Year.Interventions,
            counts.Today, counts.Month, list.Sum(line => line.LastHourInbound(now)));
    }
}
