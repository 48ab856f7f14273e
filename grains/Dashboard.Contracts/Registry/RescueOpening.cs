using System.Collections.Immutable;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Contracts.Registry;

/// <summary>A station's figures when it joins: this year's counters so far and who is staying there.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.rescue-opening")]
public sealed record RescueOpening(
    [property: Id(0)] RescueCounts Year,
    [property: Id(1)] ImmutableArray<Resident> Residents);
