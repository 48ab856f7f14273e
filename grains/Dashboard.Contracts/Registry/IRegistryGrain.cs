using System.Collections.Immutable;

namespace Dashboard.Contracts.Registry;

/// <summary>The single registry of the deployment: the region, its institutions and hotlines.</summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The region, or null before a registry was loaded.</summary>
    [AlwaysInterleave]
    Task<Region?> GetRegion();

    /// <summary>
    /// Starts the one-time load of a registry: stores the region and defines its counties and hotlines.
    /// Returns false, changing nothing, once a load has completed. The institutions follow in parts
    /// (<see cref="Register"/>), so that a national registry never makes one call that outlasts the
    /// call timeout; a load interrupted by a crash is completed next time, since every step is idempotent.
    /// </summary>
    Task<bool> BeginLoad(Region region, ImmutableArray<HotlineOpening> hotlines, bool demo);

    /// <summary>Registers or updates the given institutions.</summary>
    Task Register(ImmutableArray<RegisteredInstitution> institutions);

    /// <summary>Marks the load complete: later <see cref="BeginLoad"/> calls return false.</summary>
    Task CompleteLoad();

    /// <summary>
    /// Registers or updates every institution of an import. With <paramref name="replace"/>, active
    /// institutions missing from it are deactivated and the hotlines stop being demo lines: a real
    /// registry takes the place of the demo one. Returns how many were deactivated.
    /// </summary>
    Task<int> Import(ImmutableArray<RegisteredInstitution> institutions, bool replace);

    /// <summary>The active institutions a replacing import that keeps only <paramref name="keptIds"/> would deactivate.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<string>> Departures(ImmutableArray<string> keptIds);
}
