using Dashboard.Grains.Telemetry;
using Dashboard.Web.Access;
using Dashboard.Web.Ingest;
using Dashboard.Web.Push;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// The web node's metrics: the shared ones (<see cref="DashboardTelemetry"/>) plus ingest, push and
/// ASP.NET Core's (requests, Kestrel, SignalR connections), scraped with an admin key.
/// </summary>
public static class TelemetryExtensions
{
    public static void AddDashboardTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<PushMetrics>();
        if (builder.Configuration.MetricsEnabled())
        {
            builder.Services.AddHostedService<ServiceGauges>();
        }

        builder.Services.AddDashboardTelemetry(builder.Configuration, "dashboard-web",
            metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(IngestMetrics.MeterName, PushMetrics.MeterName, ServiceGauges.MeterName),
            tracing => tracing.AddAspNetCoreInstrumentation(http => http.Filter = IsTraced));
    }

    /// <summary>Requests worth a trace: not static files, probes or scrapes, which would drown the rest.</summary>
    private static bool IsTraced(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal);

    /// <summary>Admin-only: the metrics scrape and Orleans' dashboard name counties' activity and the service's inner workings.</summary>
    public static void MapDashboardTelemetry(this WebApplication app)
    {
        if (app.Configuration.MetricsEnabled())
        {
            app.MapPrometheusScrapingEndpoint(DashboardTelemetry.MetricsPath).RequireAuthorization(Policies.Admin);
        }

        foreach (var endpoints in app.MapOrleansDashboard(app.Configuration))
        {
            endpoints.RequireAuthorization(Policies.Admin);
        }
    }
}
