using Dashboard.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Dashboard.Grains.Telemetry;

/// <summary>
/// OpenTelemetry for web nodes and silos alike. Metrics: Orleans' meters, the storage's, the runtime's
/// and whatever the process adds, served for Prometheus at <see cref="MetricsPath"/>. Traces (off
/// unless an OTLP endpoint is set): from the HTTP request through the grain calls to the storage write.
/// </summary>
public static class DashboardTelemetry
{
    public const string MetricsPath = "/metrics";

    private const string OrleansMeter = "Microsoft.Orleans";
    private const string NpgsqlSource = "Npgsql";

    /// <summary>Off: nothing is aggregated or served (the product's own instruments still count, unread).</summary>
    private const string MetricsEnabledKey = "Dashboard:Metrics:Enabled";

    /// <summary>Where spans go (OTLP; gRPC unless OTEL_EXPORTER_OTLP_PROTOCOL says http/protobuf); empty: no tracing.</summary>
    private const string OtlpEndpointKey = "Dashboard:Tracing:OtlpEndpoint";

    /// <summary>The share of traces started here that are kept; a caller's sampled traceparent is always followed.</summary>
    private const string SampleRatioKey = "Dashboard:Tracing:SampleRatio";

    public static bool MetricsEnabled(this IConfiguration configuration) => configuration.GetValue(MetricsEnabledKey, defaultValue: true);

    public static bool TracingEnabled(this IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    public static void AddDashboardTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder> processMeters, Action<TracerProviderBuilder>? processSources = null)
    {
        if (!configuration.MetricsEnabled() && !configuration.TracingEnabled())
        {
            return;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName));
        if (configuration.MetricsEnabled())
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddMeter(OrleansMeter, StorageMetrics.MeterName);
                processMeters(metrics);
                metrics.AddPrometheusExporter();
            });
        }

        if (configuration.TracingEnabled())
        {
            var endpoint = new Uri(configuration[OtlpEndpointKey]!);
            var ratio = configuration.GetValue(SampleRatioKey, defaultValue: 1.0);
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                    .AddSource(ActivitySources.AllActivitySourceName, StorageTracing.SourceName, NpgsqlSource);
                processSources?.Invoke(tracing);
                tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
            });
        }
    }
}
