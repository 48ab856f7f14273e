using System.Diagnostics.Metrics;

namespace Dashboard.Grains.Storage;

/// <summary>
/// How many changes each group-commit write makes durable: near 1 when ingest is light, tens under
/// load, and on SQLite how many grains' statements share one transaction. The write's latency is
/// Orleans' own (<c>orleans-storage-write-latency</c>).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "Dashboard.Storage";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> CommitSize = Meter.CreateHistogram<int>("dashboard.storage.commit.size", "{change}",
        "Changes made durable by one grain state write", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500] });

    internal static readonly Histogram<int> StatementsPerCommit = Meter.CreateHistogram<int>("dashboard.storage.sqlite.commit.statements", "{statement}",
        "Grain storage statements (reads and writes of any grains) committed by one SQLite transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 512] });
}
