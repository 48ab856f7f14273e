using Dashboard.Web.Access;
using Dashboard.Web.Reporting;
using Microsoft.AspNetCore.StaticFiles;

namespace Dashboard.Web.Pages;

/// <summary>
/// The pages are endpoints with policies, not static files, so that a browser without a session is
/// sent to the sign-in page before it loads anything. Scripts, styles and libraries stay static and
/// public: they hold no figures.
/// </summary>
public static class PageEndpoints
{
    public static void MapPages(this WebApplication app)
    {
        app.MapPage("/", "index.html", Policies.View);
        app.MapPage("/county/{code}", "county.html", Policies.View);
        app.MapPage("/leader", "leader.html", Policies.View);
        // Walls show the duty console too (the carousel holds on it while an alert fires); acting needs the duty role.
        app.MapPage("/duty", "duty.html", Policies.View);
        app.MapPage("/carousel", "carousel.html", Policies.View);
        app.MapPage("/admin", "admin.html", Policies.Admin);
        app.MapPage(CookieSessions.SignInPath, "signin.html", policy: null);
        app.MapPage(FirstAdminSetup.Path, "setup.html", policy: null);
        // The page holds no figures: the phone sends its reporting link's key with each request.
        app.MapPage(ReportingEndpoints.PagePath, "report.html", policy: null);
    }

    /// <summary>Static files, except pages: a page is served only through its endpoint and policy.</summary>
    public static void UseAssets(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Remove(".html");
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types });
    }

    private static void MapPage(this WebApplication app, string pattern, string file, string? policy)
    {
        var path = Path.Combine(app.Environment.WebRootPath, file);
        var endpoint = app.MapGet(pattern, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        if (policy is null)
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(policy);
        }
    }
}
