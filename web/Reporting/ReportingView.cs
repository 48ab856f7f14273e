using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Reporting;

/// <summary>GET /api/v1/reporting/institution: what a clerk's phone shows of its own institution.</summary>
public sealed record ReportingView(InstitutionSnapshot Institution, string CountyName);
