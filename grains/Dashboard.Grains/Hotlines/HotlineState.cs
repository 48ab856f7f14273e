using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Grains.Counting;
using Dashboard.Grains.Ingest;

namespace Dashboard.Grains.Hotlines;

/// <summary>
/// A hotline's durable state: counters, recently accepted event ids and inbound calls per minute of
/// today and yesterday, all written together. Older days move to their own grains, so this stays small.
/// </summary>
[GenerateSerializer, Alias("dashboard.hotline-state")]
public sealed class HotlineState : ICountedState
{
    [Id(0)] public string? Name { get; set; }

    [Id(1)] public bool Demo { get; set; }

    [Id(2)] public long Version { get; set; }

    [Id(3)] public DateTimeOffset AsOf { get; set; }

    [Id(4)] public PeriodCounts<HotlineCounts>? Counts { get; set; }

    [Id(6)] public Dictionary<DateOnly, int[]> InboundPerMinute { get; set; } = [];

    [Id(7)] public AcceptedIds Accepted { get; set; } = new();
}
