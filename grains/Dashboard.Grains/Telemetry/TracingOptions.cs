namespace Dashboard.Grains.Telemetry;

/// <summary>Configuration section <c>Dashboard:Tracing</c>: where spans go, and how many are kept.</summary>
public sealed class TracingOptions
{
    public const string Section = "Dashboard:Tracing";

    /// <summary>
    /// The OTLP collector; empty: no tracing. gRPC by default (<c>http://collector:4317</c>); with
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>, the whole traces address (<c>http://collector:4318/v1/traces</c>).
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>The share of traces started here that are kept; a caller's sampled traceparent is always followed.</summary>
    public double SampleRatio { get; set; } = 1.0;

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>One line naming the first setting that cannot work, or null.</summary>
    public string? Problem() =>
        Enabled && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            ? $"{Section}:OtlpEndpoint must be an http:// or https:// address such as http://otel-collector:4317"
        : SampleRatio is < 0 or > 1 or double.NaN ? $"{Section}:SampleRatio must be between 0 and 1"
        : null;
}
