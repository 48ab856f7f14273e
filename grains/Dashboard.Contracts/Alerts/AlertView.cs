namespace Dashboard.Contracts.Alerts;

/// <summary>
/// One alert for one rule and subject (a hotline's code, or an institution's id for no-data) in a
/// scope (the county or city code). <paramref name="Level"/> is
/// 1 when it fires and rises each time it escalates; <paramref name="Count"/> counts how often the rule
/// was breached again while the alert stayed open. <paramref name="Message"/> explains it in Chinese.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.alert")]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] AlertState State,
    [property: Id(2)] int Level,
    [property: Id(3)] string Scope,
    [property: Id(4)] string ScopeName,
    [property: Id(5)] string Rule,
    [property: Id(6)] string Subject,
    [property: Id(7)] double Expected,
    [property: Id(8)] int Observed,
    [property: Id(9)] string Message,
    [property: Id(10)] int Count,
    [property: Id(11)] DateTimeOffset OpenedAt,
    [property: Id(12)] DateTimeOffset? FiredAt,
    [property: Id(13)] DateTimeOffset? AcknowledgedAt,
    [property: Id(14)] string? AcknowledgedBy,
    [property: Id(15)] DateTimeOffset? ResolvedAt,
    [property: Id(16)] string? ResolvedBy,
    [property: Id(17)] DateTimeOffset? NormalSince)
{
    public bool IsOpen => State != AlertState.Resolved;

    /// <summary>A new alert: pending, level 0, seen once, nothing done about it yet.</summary>
    public static AlertView Pending(string id, string scope, string scopeName, string rule, string subject, double expected, int observed, string message, DateTimeOffset now) =>
        new(id, AlertState.Pending, Level: 0, scope, scopeName, rule, subject, expected, observed, message, Count: 1, OpenedAt: now,
            FiredAt: null, AcknowledgedAt: null, AcknowledgedBy: null, ResolvedAt: null, ResolvedBy: null, NormalSince: null);
}
