using Dashboard.Contracts.Ingest;

namespace Dashboard.Web.Ingest;

/// <summary>One result per event, in the order of the request, and the counts of each outcome.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results)
{
    public static IngestResponse Of(IReadOnlyList<EventResult> results) => new(
        results.Count(result => result.Status == EventStatus.Accepted),
        results.Count(result => result.Status == EventStatus.Duplicate),
        results.Count(result => result.Status == EventStatus.Rejected),
        results);
}
