using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Hotlines;

/// <summary>未保 hotline counters of a period.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-counts")]
public sealed record HotlineCounts(
    [property: Id(0)] int Answered,
    [property: Id(1)] int Missed,
    [property: Id(2)] int Outbound,
    [property: Id(3)] int Consultations,
    [property: Id(4)] int Interventions) : ICounts<HotlineCounts>
{
    public static HotlineCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public int Inbound => Answered + Missed;

    public HotlineCounts Add(HotlineCounts other) => new(
        Answered + other.Answered, Missed + other.Missed, Outbound + other.Outbound,
        Consultations + other.Consultations, Interventions + other.Interventions);
}
