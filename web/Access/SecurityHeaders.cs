using Dashboard.Grains.Telemetry;

namespace Dashboard.Web.Access;

/// <summary>
/// Every response: scripts, styles and connections only from this service (pages carry no inline
/// script), framed only by our own pages (the carousel frames the others), no MIME sniffing, and no
/// address sent to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Common = "default-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; ";

    private const string ContentSecurityPolicy = Common + "style-src 'self'";

    /// <summary>
    /// Orleans' dashboard (admins only, off by default) sets inline styles and embeds its icon font;
    /// its scripts stay restricted to this service like every page's.
    /// </summary>
    private const string OrleansDashboardPolicy = Common + "style-src 'self' 'unsafe-inline'; font-src 'self' data:";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OrleansDashboard.Path, StringComparison.OrdinalIgnoreCase)
            ? OrleansDashboardPolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
