namespace Dashboard.Contracts.Ingest;

/// <summary>
/// An accepted event as deduplication remembers it: a 64-bit hash of its id, the fingerprint of its
/// payload, and the time after which a retry of it would be refused anyway (the later of when it
/// occurred and when it was accepted, in UTC ticks). Hashes keep the stored state small; a collision
/// between two ids of one source within the window is about one in 10^11 at 10,000 ids.
/// </summary>
[GenerateSerializer, Alias("dashboard.accepted-id")]
public readonly record struct AcceptedId(
    [property: Id(0)] ulong IdHash,
    [property: Id(1)] ulong Fingerprint,
    [property: Id(2)] long HorizonTicks);
