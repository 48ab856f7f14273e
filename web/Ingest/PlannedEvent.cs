using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Ingest;

/// <summary>A valid event of a batch: either a change for an institution grain or a result known without one.</summary>
public sealed record PlannedEvent(string Id, string? InstitutionId, InstitutionChange? Change, EventResult? KnownResult)
{
    public static PlannedEvent ForInstitution(string institutionId, InstitutionChange change) => new(change.EventId, institutionId, change, null);

    public static PlannedEvent Rejected(string id, string reason) => new(id, null, null, EventResult.Rejected(id, reason));
}
