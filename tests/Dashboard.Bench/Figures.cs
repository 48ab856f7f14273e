using System.Text.Json.Serialization;
using HdrHistogram;

namespace Dashboard.Bench;

/// <summary>
/// The figures of one phase: throughput and latency percentiles in milliseconds, and whatever else the
/// scenario measures (memory per connection, processor use, load time) in <see cref="More"/>.
/// </summary>
public sealed record Figures(string Phase, double EventsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long Count)
{
    [JsonExtensionData]
    public Dictionary<string, object> More { get; init; } = [];

    /// <summary>Microseconds from 1 µs to 10 minutes, three significant digits.</summary>
    public static LongHistogram NewHistogram() => new(1, 600_000_000, 3);

    public static Figures Of(string phase, HistogramBase microseconds, long events, TimeSpan elapsed) => new(
        phase,
        events / elapsed.TotalSeconds,
        microseconds.GetValueAtPercentile(50) / 1000.0,
        microseconds.GetValueAtPercentile(95) / 1000.0,
        microseconds.GetValueAtPercentile(99) / 1000.0,
        microseconds.GetMaxValue() / 1000.0,
        microseconds.TotalCount);
}
