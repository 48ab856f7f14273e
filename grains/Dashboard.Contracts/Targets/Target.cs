namespace Dashboard.Contracts.Targets;

[GenerateSerializer, Immutable, Alias("dashboard.target")]
public sealed record Target(
    [property: Id(0)] string County,
    [property: Id(1)] TargetMetric Metric,
    [property: Id(2)] int Value);
