namespace Dashboard.Contracts.Ingest;

/// <summary>The per-event answer of the ingest API; <paramref name="Reason"/> explains a rejection in Chinese.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.event-result")]
public sealed record EventResult(
    [property: Id(0)] string Id,
    [property: Id(1)] EventStatus Status,
    [property: Id(2)] string? Reason = null)
{
    public static EventResult Accepted(string id) => new(id, EventStatus.Accepted);

    public static EventResult Duplicate(string id) => new(id, EventStatus.Duplicate);

    public static EventResult Rejected(string id, string reason) => new(id, EventStatus.Rejected, reason);
}
