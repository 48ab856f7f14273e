using System.Collections.Immutable;

namespace Dashboard.Contracts.Registry;

/// <summary>The single registry of the deployment: the region, its institutions and hotlines.</summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The region, or null before a registry was loaded.</summary>
    [AlwaysInterleave]
    Task<Region?> GetRegion();

    /// <summary>
    /// Loads a registry once: later calls after a completed load change nothing and return false.
    /// A load interrupted by a crash is completed by the next call, since every step is idempotent.
    /// </summary>
    Task<bool> LoadOnce(Region region, ImmutableArray<RegisteredInstitution> institutions, ImmutableArray<HotlineOpening> hotlines, bool demo);

    /// <summary>
    /// Registers or updates every institution of an import. With <paramref name="replace"/>, active
    /// institutions missing from it are deactivated and the hotlines stop being demo lines: a real
    /// registry takes the place of the demo one. Returns how many were deactivated.
    /// </summary>
    Task<int> Import(ImmutableArray<RegisteredInstitution> institutions, bool replace);
}
