using System.Collections.Immutable;

namespace Dashboard.Contracts.Alerts;

/// <summary>Open alerts and those resolved in the last day, newest first: what walls and the duty console show.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.alert-board")]
public sealed record AlertBoard(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] ImmutableArray<AlertView> Alerts);
