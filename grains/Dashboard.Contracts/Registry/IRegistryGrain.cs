using System.Collections.Immutable;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.Registry;

/// <summary>The single registry of the deployment: the region and whether its institutions were loaded.</summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The region, or null before a registry was loaded.</summary>
    [AlwaysInterleave]
    Task<Region?> GetRegion();

    /// <summary>
    /// Loads a registry once: later calls after a completed load change nothing and return false.
    /// A load interrupted by a crash is completed by the next call, since every step is idempotent.
    /// </summary>
    Task<bool> LoadOnce(Region region, ImmutableArray<RegisteredInstitution> institutions);
}
