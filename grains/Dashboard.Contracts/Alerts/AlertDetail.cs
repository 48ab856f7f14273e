using System.Collections.Immutable;

namespace Dashboard.Contracts.Alerts;

/// <summary>An alert with its audit trail, oldest step first.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.alert-detail")]
public sealed record AlertDetail(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] ImmutableArray<AuditEntry> Audit);
