using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Ingest;

/// <summary>
/// A valid event of a batch and the grain that applies it: an institution (institution and rescue
/// events) or a hotline (hotline events), or a result known without one.
/// </summary>
public sealed record PlannedEvent(string Id, string Target, InstitutionChange? Institution, HotlineChange? Hotline, EventResult? KnownResult)
{
    public ulong? Fingerprint => Institution?.Fingerprint ?? Hotline?.Fingerprint;

    public static PlannedEvent ForInstitution(string institutionId, InstitutionChange change) => new(change.EventId, institutionId, change, null, null);

    public static PlannedEvent ForHotline(string countyCode, HotlineChange change) => new(change.EventId, countyCode, null, change, null);

    public static PlannedEvent Rejected(string id, string reason) => new(id, string.Empty, null, null, EventResult.Rejected(id, reason));
}
