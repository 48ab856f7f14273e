namespace Dashboard.Grains.Alerts;

/// <summary>Judges the last hour of a hotline against the same hour of the week in past weeks.</summary>
public static class SpikeRule
{
    public const string Name = "spike";

    private const double LargeMean = 100;

    /// <param name="observed">Inbound calls in the last 60 minutes.</param>
    /// <param name="sameHourInPastWeeks">Inbound calls in the same clock hour, one entry per past week.</param>
    public static RuleVerdict Judge(SpikeRuleOptions rule, string lineName, int observed, IReadOnlyCollection<int> sameHourInPastWeeks)
    {
        var history = sameHourInPastWeeks.Count == 0 ? 0 : sameHourInPastWeeks.Average();
        var expected = Math.Max(history, rule.FloorPerHour);
        var bound = Math.Max(UpperBound(expected, rule.Probability), rule.MinimumCount);
        var ratio = observed / expected;
        return new RuleVerdict(Name, observed >= bound, expected, observed,
            $"{lineName}来电激增：预期约{expected:0.#}次/小时，当前{observed}次，{ratio:0.#}倍（近60分钟，阈值{bound}次）");
    }

    /// <summary>The least count k with P(X ≥ k) ≤ <paramref name="probability"/> for X ~ Poisson(<paramref name="mean"/>).</summary>
    public static int UpperBound(double mean, double probability)
    {
        if (mean > LargeMean)
        {
            // exp(-mean) underflows for large means, where the normal approximation is good anyway.
            return (int)Math.Ceiling(mean + 3 * Math.Sqrt(mean));
        }

        var term = Math.Exp(-mean);
        var below = term;
        var k = 1;
        while (1 - below > probability)
        {
            term *= mean / k;
            below += term;
            k++;
        }

        return k;
    }
}
