namespace Dashboard.Contracts.Alerts;

/// <summary>
/// One step in the audit log: a transition of an alert or an action on it or on a silence.
/// <paramref name="Subject"/> is the alert id or the silence id; <paramref name="By"/> is the officer's
/// name, or 系统 for the rules themselves.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Action,
    [property: Id(3)] string By,
    [property: Id(4)] string? Note);
