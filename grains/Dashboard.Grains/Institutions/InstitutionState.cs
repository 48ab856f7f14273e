using Dashboard.Contracts.Institutions;

namespace Dashboard.Grains.Institutions;

/// <summary>
/// The durable state of an institution. Counters and the ids of recently accepted events are written
/// together, so an acknowledged event is never lost and never counted twice.
/// </summary>
[GenerateSerializer, Alias("dashboard.institution-state")]
public sealed class InstitutionState
{
    [Id(0)] public InstitutionInfo? Info { get; set; }

    [Id(1)] public long Version { get; set; }

    [Id(2)] public DateTimeOffset AsOf { get; set; }

    [Id(3)] public int Beds { get; set; }

    [Id(4)] public int Occupants { get; set; }

    [Id(5)] public Dictionary<string, ProcessedEvent> ProcessedEvents { get; set; } = new(StringComparer.Ordinal);

    public InstitutionTotals? ToTotals() => Info is null ? null : new(Info, Version, AsOf, Beds, Occupants);
}
