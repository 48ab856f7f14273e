using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>What an administrator changes about a user; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.user-change")]
public sealed record UserChange(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] Role? Role,
    [property: Id(2)] ImmutableArray<string>? Counties,
    [property: Id(3)] string? PasswordHash,
    [property: Id(4)] string NewStamp);
