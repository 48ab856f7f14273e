using System.Collections.Immutable;

namespace Dashboard.Contracts.Alerts;

/// <summary>
/// For a shift change: alerts opened since <paramref name="Since"/>, alerts acknowledged or resolved
/// since then, and those still open now.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.handover")]
public sealed record Handover(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] ImmutableArray<AlertView> Opened,
    [property: Id(3)] ImmutableArray<AlertView> Handled,
    [property: Id(4)] ImmutableArray<AlertView> StillOpen);
