using Dashboard.Contracts.Ingest;

namespace Dashboard.Contracts.Institutions;

/// <summary>What an institution event does to the counters.</summary>
public enum InstitutionChangeKind
{
    Capacity,
    Admitted,
    Discharged,
    Census,

    /// <summary>A person arrives at a rescue station; the value is <see cref="InstitutionChange.Minor"/> or <see cref="InstitutionChange.Adult"/>.</summary>
    RescueReceived,

    /// <summary>The longest-staying resident leaves, reunited with family (寻亲成功).</summary>
    RescueReunited,

    /// <summary>The longest-staying resident leaves, settled with a household registration (落户安置).</summary>
    RescueSettled,
}

/// <summary>
/// One validated institution event as the grain applies it. <paramref name="Fingerprint"/> is a hash of
/// the event's payload: the same id with another fingerprint is a conflicting reuse of the id.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.institution-change")]
public sealed record InstitutionChange(
    [property: Id(0)] string EventId,
    [property: Id(1)] InstitutionChangeKind Kind,
    [property: Id(2)] int Value,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] ulong Fingerprint) : ICountedEvent
{
    /// <summary>The value of a <see cref="InstitutionChangeKind.RescueReceived"/> change for a minor.</summary>
    public const int Minor = 1;

    public const int Adult = 0;
}
