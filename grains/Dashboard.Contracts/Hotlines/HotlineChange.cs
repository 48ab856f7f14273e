using Dashboard.Contracts.Ingest;

namespace Dashboard.Contracts.Hotlines;

/// <summary>
/// One validated hotline event: a call or a case, expressed as the counters it adds (exactly one of
/// them is 1). <paramref name="Fingerprint"/> identifies the payload, as for institution events.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-change")]
public sealed record HotlineChange(
    [property: Id(0)] string EventId,
    [property: Id(1)] HotlineCounts Delta,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] ulong Fingerprint) : ICountedEvent;
