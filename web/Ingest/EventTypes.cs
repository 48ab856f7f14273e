namespace Dashboard.Web.Ingest;

/// <summary>The event types of the ingest contract.</summary>
public static class EventTypes
{
    public const string InstitutionCapacity = "institution.capacity";
    public const string InstitutionAdmitted = "institution.admitted";
    public const string InstitutionDischarged = "institution.discharged";
    public const string InstitutionCensus = "institution.census";
    public const string RescueReceived = "rescue.received";
    public const string RescueReunited = "rescue.reunited";
    public const string RescueSettled = "rescue.settled";
    public const string HotlineCall = "hotline.call";
    public const string HotlineCase = "hotline.case";
}
