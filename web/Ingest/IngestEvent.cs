namespace Dashboard.Web.Ingest;

/// <summary>
/// One event: <c>id</c>, <c>type</c>, <c>occurredAt</c> and the fields of its type (see
/// <see cref="IngestEndpoints"/>). All fields are optional here so that a missing one is reported by
/// name rather than as a deserialisation failure.
/// </summary>
public sealed record IngestEvent(
    string? Id,
    string? Type,
    string? OccurredAt,
    string? InstitutionId = null,
    int? Beds = null,
    int? Count = null,
    int? Occupants = null,
    string? StationId = null,
    bool? Minor = null,
    string? CountyCode = null,
    string? Direction = null,
    bool? Answered = null,
    string? Kind = null);
