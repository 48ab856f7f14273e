namespace Dashboard.Contracts.Rescue;

/// <summary>Someone currently staying at a rescue station: only the day of arrival and whether a minor, never a name.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.resident")]
public sealed record Resident(
    [property: Id(0)] DateOnly Arrived,
    [property: Id(1)] bool Minor);
