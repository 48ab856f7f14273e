using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Contracts.Snapshots;

/// <summary>One county's groups as the city snapshot lists them.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.scope-summary")]
public sealed record ScopeSummary(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] CapacityGroup ElderlyCare,
    [property: Id(6)] CapacityGroup ChildWelfare,
    [property: Id(7)] RescueGroup Rescue,
    [property: Id(8)] HotlineGroup Hotline);
