using System.Collections.Immutable;
using Dashboard.Contracts.Access;

namespace Dashboard.Grains.Access;

[GenerateSerializer, Alias("dashboard.security-log-state")]
public sealed class SecurityLogState
{
    [Id(0)] public ImmutableList<SecurityEvent> Entries { get; set; } = [];
}
