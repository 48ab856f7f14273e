using System.Collections.Immutable;
using Dashboard.Contracts.Access;

namespace Dashboard.Grains.Access;

[GenerateSerializer, Alias("dashboard.credentials-state")]
public sealed class CredentialsState
{
    /// <summary>Every credential ever issued, revoked ones included, so the list shows who was let in when.</summary>
    [Id(0)] public ImmutableArray<Credential> Credentials { get; set; } = [];

    /// <summary>The SHA-256 of each credential's secret, by credential id.</summary>
    [Id(1)] public ImmutableDictionary<string, string> SecretHashes { get; set; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>When each reporting link last had an entry accepted, by credential id.</summary>
    [Id(2)] public ImmutableDictionary<string, DateTimeOffset> LastReports { get; set; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
}
