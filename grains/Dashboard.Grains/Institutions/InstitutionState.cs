using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Rescue;
using Dashboard.Grains.Counting;
using Dashboard.Grains.Ingest;

namespace Dashboard.Grains.Institutions;

/// <summary>
/// The durable state of an institution. Counters and the ids of recently accepted events are written
/// together, so an acknowledged event is never lost and never counted twice.
/// </summary>
[GenerateSerializer, Alias("dashboard.institution-state")]
public sealed class InstitutionState : ICountedState
{
    [Id(0)] public InstitutionInfo? Info { get; set; }

    [Id(1)] public long Version { get; set; }

    [Id(2)] public DateTimeOffset AsOf { get; set; }

    [Id(3)] public int Beds { get; set; }

    [Id(4)] public int Occupants { get; set; }

    [Id(9)] public AcceptedIds Accepted { get; set; } = new();

    [Id(6)] public bool Active { get; set; }

    /// <summary>Rescue stations only: who is staying, oldest arrival first.</summary>
    [Id(7)] public List<Resident> Residents { get; set; } = [];

    /// <summary>Rescue stations only: received, minors, settled and reunited per period.</summary>
    [Id(8)] public PeriodCounts<RescueCounts>? Rescue { get; set; }

    public InstitutionTotals? ToTotals() => Info is null ? null : new(
        Info, Version, AsOf, Beds, Occupants, Active,
        Rescue is null ? null : new RescueTotals(Rescue, [.. Residents]));
}
