using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>
/// An API key, display token or reporting link as an administrator sees it: never the secret, which is shown once
/// when it is issued and kept only as a hash. No counties means city-wide; a reporting link also
/// names its one <paramref name="Institution"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.credential")]
public sealed record Credential(
    [property: Id(0)] string Id,
    [property: Id(1)] CredentialKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] Role Role,
    [property: Id(4)] ImmutableArray<string> Counties,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset? RevokedAt = null,
    [property: Id(8)] string? RevokedBy = null,
    [property: Id(9)] string? Institution = null)
{
    public bool IsActive => RevokedAt is null;
}
