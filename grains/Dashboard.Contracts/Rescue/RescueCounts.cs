using Dashboard.Contracts.Calendar;

namespace Dashboard.Contracts.Rescue;

/// <summary>Rescue counters of a period: people received (人次), of whom minors, settled (落户安置), reunited (寻亲成功).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.rescue-counts")]
public sealed record RescueCounts(
    [property: Id(0)] int Received,
    [property: Id(1)] int Minors,
    [property: Id(2)] int Settled,
    [property: Id(3)] int Reunited) : ICounts<RescueCounts>
{
    public static RescueCounts Zero { get; } = new(0, 0, 0, 0);

    public RescueCounts Add(RescueCounts other) =>
        new(Received + other.Received, Minors + other.Minors, Settled + other.Settled, Reunited + other.Reunited);
}
