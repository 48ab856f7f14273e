namespace Dashboard.Contracts.Institutions;

/// <summary>What the registry knows about an institution; <paramref name="Demo"/> marks entries of the demo registry.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.institution-info")]
public sealed record InstitutionInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] InstitutionKind Kind,
    [property: Id(3)] string CountyCode,
    [property: Id(4)] bool Demo);
