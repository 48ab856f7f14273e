using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>
/// How long this machine takes to make a small write durable, printed beside every figure: a durable
/// acknowledgement waits for it, and it differs between machines by a factor of four or more.
/// </summary>
public sealed record FsyncProbe(double MedianUs, double P99Us)
{
    private const int Writes = 1000;

    /// <summary>4 KB appended and flushed to disk, a thousand times, in the folder where the benchmark's databases live.</summary>
    public static FsyncProbe Measure(string folder)
    {
        var path = Path.Combine(folder, $"fsync-probe-{Guid.NewGuid():N}");
        var block = new byte[4096];
        var times = new double[Writes];
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            for (var index = 0; index < Writes; index++)
            {
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                times[index] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }
        finally
        {
            File.Delete(path);
        }

        Array.Sort(times);
        return new FsyncProbe(times[Writes / 2], times[Writes * 99 / 100]);
    }

    public override string ToString() => $"fsync median {MedianUs:0} µs, p99 {P99Us:0} µs";
}
