using System.Collections.Immutable;

namespace Dashboard.Contracts.Targets;

/// <summary>Every target, ordered by county and metric; the version grows with each change.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.target-set")]
public sealed record TargetSet(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<Target> Targets);
