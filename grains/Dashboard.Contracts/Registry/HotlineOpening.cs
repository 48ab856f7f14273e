using Dashboard.Contracts.Hotlines;

namespace Dashboard.Contracts.Registry;

/// <summary>A hotline's counters so far this year when the demo registry is loaded.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-opening")]
public sealed record HotlineOpening(
    [property: Id(0)] string Code,
    [property: Id(1)] HotlineCounts Year);
