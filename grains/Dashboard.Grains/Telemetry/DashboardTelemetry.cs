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

    public static bool MetricsEnabled(this IConfiguration configuration) => configuration.GetValue(MetricsEnabledKey, defaultValue: true);

    public static TracingOptions GetTracingOptions(this IConfiguration configuration) =>
        configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new();

    public static bool TracingEnabled(this IConfiguration configuration) => configuration.GetTracingOptions().Enabled;

    public static void AddDashboardTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder> processMeters, Action<TracerProviderBuilder>? processSources = null)
    {
        var tracing = configuration.GetTracingOptions();
        services.AddOptions<TracingOptions>().Bind(configuration.GetSection(TracingOptions.Section))
            .Validate(options => options.Problem() is null, tracing.Problem() ?? string.Empty).ValidateOnStart();
        if (!configuration.MetricsEnabled() && !tracing.Enabled)
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

        // Settings that cannot work are refused at start (ValidateOnStart above), before this runs.
        if (tracing.Enabled && tracing.Problem() is null)
        {
            telemetry.WithTracing(spans =>
            {
                spans.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(tracing.SampleRatio)))
                    .AddSource(ActivitySources.AllActivitySourceName, StorageTracing.SourceName, NpgsqlSource);
                processSources?.Invoke(spans);
                spans.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(tracing.OtlpEndpoint));
            });
        }
    }
}
