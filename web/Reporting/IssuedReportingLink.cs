namespace Dashboard.Web.Reporting;

/// <summary>
/// A new reporting link, the only time it is shown: the address a clerk's phone opens and the same
/// address as a QR code (SVG) for the admin to print.
/// </summary>
public sealed record IssuedReportingLink(string Id, string InstitutionId, string InstitutionName, string Url, string QrCodeSvg);
