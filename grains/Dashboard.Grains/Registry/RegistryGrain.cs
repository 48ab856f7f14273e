using System.Collections.Immutable;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", StorageNames.Dashboard)] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    /// <summary>The name shown for institutions registered under the city code itself.</summary>
    private const string CityLevelName = "市本级";

    /// <summary>Registrations in flight at once: enough to overlap storage writes without flooding the silo.</summary>
    private const int ParallelRegistrations = 32;

    public Task<Region?> GetRegion() => Task.FromResult(state.State.Region);

    public async Task<bool> LoadOnce(Region region, ImmutableArray<RegisteredInstitution> institutions)
    {
        if (state.State.Loaded)
        {
            return false;
        }

        state.State.Region = region;
        await state.WriteStateAsync();

        var names = region.Counties.Append(new County(region.CityCode, CityLevelName));
        await Task.WhenAll(names.Select(county => GrainFactory.GetGrain<ICountyGrain>(county.Code).Define(county.Name)));

        foreach (var chunk in institutions.Chunk(ParallelRegistrations))
        {
            await Task.WhenAll(chunk.Select(institution => GrainFactory.GetGrain<IInstitutionGrain>(institution.Info.Id)
                .Register(institution.Info, institution.Beds, institution.Occupants)));
        }

        state.State.Loaded = true;
        await state.WriteStateAsync();
        return true;
    }
}
