using System.Collections.Immutable;

namespace Dashboard.Contracts.Hotlines;

/// <summary>
/// One finished day of one hotline, keyed <c>&lt;code&gt;/&lt;yyyy-MM-dd&gt;</c>: inbound calls per minute.
/// Each day is its own grain, so no state write ever grows with the length of the history.
/// </summary>
public interface IHotlineDayGrain : IGrainWithStringKey
{
    /// <summary>Stores the whole day (absolute, so a repeated hand-over is harmless).</summary>
    Task Store(ImmutableArray<int> inboundPerMinute);

    /// <summary>
    /// Sets the inbound calls of some hours (0–23, Beijing time) from imported history, spread over
    /// each hour's minutes; other hours keep theirs. Absolute, so importing a file again changes nothing.
    /// </summary>
    Task SetHours(ImmutableDictionary<int, int> callsByHour);

    [AlwaysInterleave]
    Task<ImmutableArray<int>> GetInboundPerMinute();
}
