namespace Dashboard.Contracts.Registry;

[GenerateSerializer, Immutable, Alias("dashboard.county")]
public sealed record County(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name);
