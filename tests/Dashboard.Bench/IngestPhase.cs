namespace Dashboard.Bench;

/// <summary>
/// How senders shape their requests in one ingest phase: events per request, whether each request is
/// sent twice with a tenth of its events repeated inside (retries), and whether a request carries the
/// events of one institution (a source's own feed) or of institutions picked at random (a hub that
/// forwards for many).
/// </summary>
public sealed record IngestPhase(string Name, int Batch, bool Retries, bool OneInstitution);
