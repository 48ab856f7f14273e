using System.Collections.Immutable;
using Dashboard.Contracts.Access;

namespace Dashboard.Grains.Access;

[GenerateSerializer, Alias("dashboard.accounts-state")]
public sealed class AccountsState
{
    /// <summary>Every user by login (case-insensitive), disabled ones included so a login is never reused.</summary>
    [Id(0)] public ImmutableDictionary<string, StoredUser> Users { get; set; } = ImmutableDictionary.Create<string, StoredUser>(StringComparer.OrdinalIgnoreCase);
}
