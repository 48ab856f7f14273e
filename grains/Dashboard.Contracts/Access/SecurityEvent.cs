namespace Dashboard.Contracts.Access;

/// <summary>
/// One entry of the security audit trail: who (a user's login or a credential's name, never a
/// secret), did what, to what, from which address, and how it ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.security-event")]
public sealed record SecurityEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] bool Succeeded,
    [property: Id(5)] string? Detail,
    [property: Id(6)] string? ClientAddress);
