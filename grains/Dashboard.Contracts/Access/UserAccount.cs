using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>A person who signs in, as an administrator sees them. No counties means city-wide.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.user-account")]
public sealed record UserAccount(
    [property: Id(0)] string Login,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Role Role,
    [property: Id(3)] ImmutableArray<string> Counties,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? LockedUntil = null,
    [property: Id(7)] DateTimeOffset? DisabledAt = null)
{
    public bool IsActive => DisabledAt is null;
}
