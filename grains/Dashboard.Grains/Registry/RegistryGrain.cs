using System.Collections.Immutable;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", StorageNames.Dashboard)] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    /// <summary>Registrations in flight at once: enough to overlap storage writes without flooding the silo.</summary>
    private const int ParallelRegistrations = 32;

    public Task<Region?> GetRegion() => Task.FromResult(state.State.Region);

    public async Task<bool> BeginLoad(Region region, ImmutableArray<HotlineOpening> hotlines, bool demo)
    {
        if (state.State.Loaded)
        {
            return false;
        }

        state.State.Region = region;
        await state.WriteStateAsync();

        var scopes = region.Counties.Append(new County(region.CityCode, Region.CityLevelName)).ToList();
        await Task.WhenAll(scopes.Select(scope => GrainFactory.GetGrain<ICountyGrain>(scope.Code).Define(scope.Name, region.CityCode)));
        await DefineHotlines(region, demo, hotlines);
        return true;
    }

    public Task Register(ImmutableArray<RegisteredInstitution> institutions) => RegisterAll(institutions);

    public async Task CompleteLoad()
    {
        state.State.Loaded = true;
        await state.WriteStateAsync();
    }

    public async Task<int> Import(ImmutableArray<RegisteredInstitution> institutions, bool replace)
    {
        var region = state.State.Region ?? throw new InvalidOperationException("No region is loaded; the registry import needs region.csv first");
        var deactivated = 0;
        if (replace)
        {
            var leaving = await Departures([.. institutions.Select(institution => institution.Info.Id)]);
            await Task.WhenAll(leaving.Select(id => GrainFactory.GetGrain<IInstitutionGrain>(id).Deactivate()));
            deactivated = leaving.Length;
            await DefineHotlines(region, demo: false, []);
        }

        await RegisterAll(institutions);
        return deactivated;
    }

    public async Task<ImmutableArray<string>> Departures(ImmutableArray<string> keptIds)
    {
        if (state.State.Region is not { } region)
        {
            return [];
        }

        var kept = keptIds.ToHashSet(StringComparer.Ordinal);
        var counties = await Task.WhenAll(region.ScopeCodes.Select(code => GrainFactory.GetGrain<ICountyGrain>(code).GetSnapshot()));
        return [.. counties.SelectMany(county => county.Institutions).Where(institution => institution.Active && !kept.Contains(institution.Id)).Select(institution => institution.Id)];
    }

    private Task DefineHotlines(Region region, bool demo, ImmutableArray<HotlineOpening> openings) =>
        Task.WhenAll(region.Counties.Append(new County(region.CityCode, region.CityName)).Select(line =>
            GrainFactory.GetGrain<IHotlineGrain>(line.Code).Define(
                $"{line.Name}未保热线", demo, openings.FirstOrDefault(opening => opening.Code == line.Code)?.Year ?? HotlineCounts.Zero)));

    private async Task RegisterAll(ImmutableArray<RegisteredInstitution> institutions)
    {
        foreach (var chunk in institutions.Chunk(ParallelRegistrations))
        {
            await Task.WhenAll(chunk.Select(institution => GrainFactory.GetGrain<IInstitutionGrain>(institution.Info.Id).Register(institution)));
        }
    }
}
