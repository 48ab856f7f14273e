namespace Dashboard.Web.Ingest;

/// <summary>
/// One event. Every event has <c>id</c> (unique per source), <c>type</c> and <c>occurredAt</c>
/// (ISO 8601 with offset); the other fields depend on the type:
/// institution.capacity (institutionId, beds), institution.admitted and institution.discharged
/// (institutionId, count, default 1), institution.census (institutionId, occupants),
/// rescue.received (stationId, minor), rescue.reunited and rescue.settled (stationId),
/// hotline.call (countyCode, direction inbound|outbound, answered), hotline.case (countyCode,
/// kind consultation|intervention). All fields are optional here so that a missing one is reported
/// by name rather than as a deserialisation failure.
/// </summary>
/// <param name="Id">Unique per source; a retry must reuse it.</param>
/// <param name="Type">One of the event types listed above.</param>
/// <param name="OccurredAt">When it happened, ISO 8601 with an offset, e.g. 2026-11-28T09:30:00+08:00.</param>
/// <param name="InstitutionId">institution.*: the registry id of the institution.</param>
/// <param name="Beds">institution.capacity: the number of beds, 0 to 100000.</param>
/// <param name="Count">institution.admitted and institution.discharged: how many people, 1 to 10000 (default 1).</param>
/// <param name="Occupants">institution.census: the head count, 0 to 100000.</param>
/// <param name="StationId">rescue.*: the registry id of the rescue station or minor protection center.</param>
/// <param name="Minor">rescue.received: whether the person received is a minor (default false).</param>
/// <param name="CountyCode">hotline.*: the county code of the hotline, or the city code for the city line.</param>
/// <param name="Direction">hotline.call: inbound or outbound.</param>
/// <param name="Answered">hotline.call: for an inbound call, whether it was answered.</param>
/// <param name="Kind">hotline.case: consultation (解决咨询) or intervention (介入求助).</param>
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
