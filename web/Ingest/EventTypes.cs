namespace Dashboard.Web.Ingest;

/// <summary>The event types of the ingest contract.</summary>
public static class EventTypes
{
    public const string InstitutionCapacity = "institution.capacity";
    public const string InstitutionAdmitted = "institution.admitted";
    public const string InstitutionDischarged = "institution.discharged";
    public const string InstitutionCensus = "institution.census";

    /// <summary>Types of the contract that this version does not count yet: each such event is rejected with a reason.</summary>
    public static readonly IReadOnlySet<string> NotYetCounted = new HashSet<string>(StringComparer.Ordinal)
    {
        "rescue.received", "rescue.reunited", "rescue.settled", "hotline.call", "hotline.case",
    };
}
