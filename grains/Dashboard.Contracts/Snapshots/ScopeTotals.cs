namespace Dashboard.Contracts.Snapshots;

/// <summary>
/// The counter groups of a scope (county or city). Versions are sums of child versions, so they only
/// grow, survive restarts without being stored, and are the same on every silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.scope-totals")]
public sealed record ScopeTotals(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] CapacityGroup ElderlyCare,
    [property: Id(6)] CapacityGroup ChildWelfare);
