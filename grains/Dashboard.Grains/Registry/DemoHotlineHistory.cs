using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Past weeks of plausible calls for the demo registry's lines, so that a newcomer's first start
/// already draws "same hour last week" and judges spikes against a baseline. A few calls a day per
/// line, mostly in the daytime, twice as many on the city's line; the same every time for a line and
/// hour (a hash, not a random generator). Low on purpose: the busiest hour averages about one call,
/// so the spike rule still needs six calls in an hour to fire, as without history.
/// </summary>
public static class DemoHotlineHistory
{
    /// <summary>The chance of a call in each hour of the day on a county line.</summary>
    private static readonly double[] HourlyChance =
    [
        0.02, 0.02, 0.01, 0.01, 0.01, 0.02, 0.04, 0.10, 0.25, 0.35, 0.35, 0.30,
        0.20, 0.25, 0.30, 0.30, 0.30, 0.25, 0.20, 0.20, 0.15, 0.12, 0.08, 0.04,
    ];

    public static ImmutableDictionary<int, int> Day(string line, DateOnly day, bool cityLine) =>
        Enumerable.Range(0, 24).ToImmutableDictionary(hour => hour, hour =>
        {
            var chance = HourlyChance[hour] * (cityLine ? 2 : 1);
            var (first, second) = Draws($"{line}/{day:yyyy-MM-dd}/{hour}");
            return (first < chance ? 1 : 0) + (second < chance * chance ? 1 : 0);
        });

    /// <summary>Two numbers in [0, 1] that a key always gives.</summary>
    internal static (double First, double Second) Draws(string key)
    {
        var hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key));
        return ((uint)hash / (double)uint.MaxValue, (hash >> 32) / (double)uint.MaxValue);
    }
}
