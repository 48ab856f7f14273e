using Dashboard.Contracts.Ingest;

namespace Dashboard.Web.Tests;

/// <summary>The ingest response as a client reads it.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, int Rejected, List<EventResult> Results);
