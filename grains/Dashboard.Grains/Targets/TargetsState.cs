using System.Collections.Immutable;
using Dashboard.Contracts.Targets;

namespace Dashboard.Grains.Targets;

[GenerateSerializer, Alias("dashboard.targets-state")]
public sealed class TargetsState
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public ImmutableArray<Target> Targets { get; set; } = [];
}
