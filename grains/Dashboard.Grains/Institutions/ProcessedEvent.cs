namespace Dashboard.Grains.Institutions;

/// <summary>An accepted event id kept for deduplication: its payload fingerprint and when it was accepted.</summary>
[GenerateSerializer, Alias("dashboard.processed-event")]
public sealed record ProcessedEvent(
    [property: Id(0)] ulong Fingerprint,
    [property: Id(1)] DateTimeOffset AcceptedAt);
