namespace Dashboard.Testing;

/// <summary>A process's resident memory in bytes and its processor time used so far.</summary>
public sealed record ProcessUsage(long WorkingSetBytes, TimeSpan ProcessorTime)
{
    /// <summary>Share of the machine's processors used between two readings, in percent.</summary>
    public double CpuPercentSince(ProcessUsage earlier, TimeSpan elapsed) =>
        (ProcessorTime - earlier.ProcessorTime) / (elapsed * Environment.ProcessorCount) * 100;
}
