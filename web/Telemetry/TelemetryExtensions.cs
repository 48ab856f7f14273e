using Dashboard.Grains.Storage;
using Dashboard.Web.Access;
using Dashboard.Web.Ingest;
using Dashboard.Web.Push;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Metrics with OpenTelemetry, scraped by Prometheus from <see cref="MetricsPath"/> with an admin key:
/// this product's meters (ingest, push, storage), Orleans', ASP.NET Core's (requests, Kestrel, SignalR
/// connections) and the runtime's.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Off: nothing is aggregated or served (the product's own instruments still count, unread).</summary>
    private const string EnabledKey = "Dashboard:Metrics:Enabled";

    public static void AddDashboardTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<PushMetrics>();
        if (!builder.Configuration.GetValue(EnabledKey, defaultValue: true))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dashboard-web", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, IngestMetrics.MeterName, PushMetrics.MeterName, StorageMetrics.MeterName)
                .AddPrometheusExporter());
    }

    /// <summary>Admin-only: the figures name counties' activity and the service's inner workings.</summary>
    public static void MapDashboardMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue(EnabledKey, defaultValue: true))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Admin);
        }
    }
}
