namespace Dashboard.Web.Ingest;

/// <summary>
/// One event as sent. Every field is optional here so that a missing field is reported by name
/// rather than as a deserialisation failure; <see cref="EventValidator"/> checks what each type needs.
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
