using Dashboard.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dashboard.Grains.Telemetry;

/// <summary>
/// Metrics with OpenTelemetry for web nodes and silos alike: Orleans' meters, the storage's, the
/// runtime's and whatever the process adds, served for Prometheus at <see cref="MetricsPath"/>.
/// </summary>
public static class DashboardTelemetry
{
    public const string MetricsPath = "/metrics";

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Off: nothing is aggregated or served (the product's own instruments still count, unread).</summary>
    private const string MetricsEnabledKey = "Dashboard:Metrics:Enabled";

    public static bool MetricsEnabled(this IConfiguration configuration) => configuration.GetValue(MetricsEnabledKey, defaultValue: true);

    public static void AddDashboardTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName, Action<MeterProviderBuilder> processMeters)
    {
        if (!configuration.MetricsEnabled())
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddMeter(OrleansMeter, StorageMetrics.MeterName);
                processMeters(metrics);
                metrics.AddPrometheusExporter();
            });
    }
}
