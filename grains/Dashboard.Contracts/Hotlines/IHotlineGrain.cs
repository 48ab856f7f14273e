using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Contracts.Hotlines;

/// <summary>A 未保 hotline, keyed by its county code (or the city code for the city line).</summary>
public interface IHotlineGrain : IGrainWithStringKey
{
    /// <summary>Registers the line (idempotent); the opening year counters are set only when it is new.</summary>
    Task Define(string name, bool demo, HotlineCounts openingYear);

    /// <summary>
    /// Applies calls and cases in order, exactly once per event id, and answers once they are durable;
    /// calls interleave so that concurrent batches share a write.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<EventResult>> Apply(ImmutableArray<HotlineChange> changes);

    /// <summary>The last durably stored totals, or null for a code without a line.</summary>
    [AlwaysInterleave]
    Task<HotlineTotals?> GetTotals();

    /// <summary>Inbound calls per minute for the 24 hours up to now.</summary>
    [AlwaysInterleave]
    Task<HotlineHistory> GetMinutes();

    /// <summary>Inbound calls per hour for the given number of days up to now (today included).</summary>
    Task<HotlineHistory> GetHours(int days);

    /// <summary>
    /// Inbound calls per hour from <paramref name="first"/> to <paramref name="last"/> (Beijing days):
    /// the line's own recent days, which it has not yet handed to their day grains, and older ones from those.
    /// </summary>
    Task<HotlineHistory> GetDays(DateOnly first, DateOnly last);
}
