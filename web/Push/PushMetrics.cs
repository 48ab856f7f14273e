using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Dashboard.Contracts.Push;

namespace Dashboard.Web.Push;

/// <summary>
/// What this web node pushes: open hub connections, subscriptions per kind of group, the size of each
/// fan-out of updates and how old an update's figures are when it is sent.
/// </summary>
public sealed class PushMetrics
{
    public const string MeterName = "Dashboard.Push";

    private readonly UpDownCounter<long> subscriptions;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> updateAge;
    private readonly TimeProvider clock;

    public PushMetrics(IMeterFactory meters, ConnectionGuard connections, TimeProvider clock)
    {
        this.clock = clock;
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("dashboard.push.connections", () => connections.Count, "{connection}", "Open hub connections (walls, pages, consoles)");
        subscriptions = meter.CreateUpDownCounter<long>("dashboard.push.subscriptions", "{subscription}", "Hub group subscriptions, by kind of group");
        batchSize = meter.CreateHistogram<int>("dashboard.push.batch.size", "{update}", "Updates in one fan-out of this node (the silos' batches since the last, newest per key)",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500] });
        updateAge = meter.CreateHistogram<double>("dashboard.push.update.age", "s", "Time from an update's last change to its send to the hub groups",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Subscribed(string group) => subscriptions.Add(1, Kind(group));

    public void Unsubscribed(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            subscriptions.Add(-1, Kind(group));
        }
    }

    public void Sending(ImmutableArray<DashboardUpdate> updates)
    {
        batchSize.Record(updates.Length);
        var now = clock.GetUtcNow();
        foreach (var update in updates)
        {
            updateAge.Record(Math.Max(0, (now - update.AsOf).TotalSeconds));
        }
    }

    /// <summary>city, alerts, hotline, county or hotline-line: a group's kind, not its county, keeps the series few.</summary>
    private static KeyValuePair<string, object?> Kind(string group) => new("dashboard.group.kind", group switch
    {
        _ when UpdateKeys.TryParseCounty(group, out _) => "county",
        _ when UpdateKeys.TryParseHotline(group, out _) => "hotline-line",
        _ => group,
    });
}
