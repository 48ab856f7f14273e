namespace Dashboard.Web.Reporting;

/// <summary>Dashboard:Reporting — how clerks' phones reach the service.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Dashboard:Reporting";

    /// <summary>
    /// The address phones open, e.g. <c>https://mz.example.gov.cn/dashboard/</c>, when the bureau
    /// publishes the service to mobile networks under another name than the one its admins use.
    /// Unset: the address the admin's own request came to.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
