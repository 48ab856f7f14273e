namespace Dashboard.Grains.Alerts;

/// <summary>
/// The spike rule for one hotline. Calls in the last hour are compared with the same clock hour of the
/// week over the past weeks; the upper bound is the Poisson tail for that expectation, since hotline
/// counts are small and a normal approximation would alert on every second call.
/// </summary>
public sealed class SpikeRuleOptions
{
    /// <summary>Weeks of history for the expected count (same hour of the week).</summary>
    public int Weeks { get; set; } = 4;

    /// <summary>The least expected calls per hour, so a line with sparse history is not judged against zero.</summary>
    public double FloorPerHour { get; set; } = 0.5;

    /// <summary>Fewer calls than this in the hour never alert, whatever the history.</summary>
    public int MinimumCount { get; set; } = 5;

    /// <summary>How unlikely the count must be under the expectation: P(X ≥ observed) ≤ this.</summary>
    public double Probability { get; set; } = 0.005;

    /// <summary>How long the rule must stay breached before the alert fires.</summary>
    public TimeSpan PendingFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the rate must stay normal before a firing alert resolves itself.</summary>
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>What makes the rule unusable, as "key must …"; null when it can run.</summary>
    public string? Problem() => this switch
    {
        { Weeks: < 1 or > 52 } => "Weeks must be between 1 and 52",
        { FloorPerHour: < 0 } => "FloorPerHour must not be negative",
        { MinimumCount: < 1 } => "MinimumCount must be at least 1",
        { Probability: <= 0 or >= 1 } => "Probability must be between 0 and 1",
        _ when PendingFor < TimeSpan.Zero => "PendingFor must not be negative",
        _ when ResolveAfter <= TimeSpan.Zero => "ResolveAfter must be positive",
        _ => null,
    };
}
