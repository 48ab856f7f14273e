namespace Dashboard.Grains.Alerts;

/// <summary>
/// A rule's verdict on a subject (a hotline's code, or an institution's id) in a scope (the county or
/// the city), with how long a breach must last to fire and how long a normal spell must last to resolve.
/// </summary>
public sealed record Observation(string Scope, string ScopeName, string Subject, RuleVerdict Verdict, TimeSpan PendingFor, TimeSpan ResolveAfter) : IAlertFinding;
