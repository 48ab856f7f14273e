namespace Dashboard.Web.Reporting;

/// <summary>
/// One institution in the admin's list: its active reporting link, if it has one, and when a clerk
/// last had an entry accepted through any of its links.
/// </summary>
public sealed record ReportingLink(
    string InstitutionId,
    string InstitutionName,
    string KindName,
    string CountyCode,
    string CountyName,
    string? LinkId,
    DateTimeOffset? IssuedAt,
    string? IssuedBy,
    DateTimeOffset? LastReportedAt);
