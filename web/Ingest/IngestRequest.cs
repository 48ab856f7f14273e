namespace Dashboard.Web.Ingest;

/// <summary>The body of <c>POST /api/v1/events</c>: a batch of events.</summary>
public sealed record IngestRequest(IReadOnlyList<IngestEvent?>? Events);
