using Dashboard.Contracts.Hotlines;
using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Push;

namespace Dashboard.Grains.City;

/// <summary>Keyed by the city code; holds no state of its own and rebuilds from its counties on activation.</summary>
public sealed class CityGrain(UpdateNotifier notifier, TimeProvider clock) : Grain, ICityGrain
{
    private readonly Dictionary<string, ScopeTotals> scopes = new(StringComparer.Ordinal);

    private Region? region;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        region = await GrainFactory.GetGrain<IRegistryGrain>(0).GetRegion();
        if (region is null)
        {
            return;
        }

        var totals = await Task.WhenAll(region.ScopeCodes.Select(code => GrainFactory.GetGrain<ICountyGrain>(code).GetTotals()));
        foreach (var scope in totals)
        {
            scopes[scope.Code] = scope;
        }
    }

    public async Task Report(ScopeTotals county)
    {
        if (scopes.TryGetValue(county.Code, out var known) && known.Version >= county.Version)
        {
            return;
        }

        scopes[county.Code] = county;
        region ??= await GrainFactory.GetGrain<IRegistryGrain>(0).GetRegion();
        var snapshot = CurrentSnapshot();
        notifier.Publish(new DashboardUpdate(UpdateKeys.City, snapshot.Version, snapshot.AsOf, snapshot));
    }

    public Task<CitySnapshot> GetSnapshot() => Task.FromResult(CurrentSnapshot());

    /// <summary>
    /// Totals include the city-level scope (institutions and the hotline registered under the city
    /// code itself); the county list shows the region's counties in registry order.
    /// </summary>
    private CitySnapshot CurrentSnapshot()
    {
        var now = clock.GetUtcNow();
        var all = scopes.Values;
        var counties = (region?.Counties ?? [])
            .Select(county => (scopes.GetValueOrDefault(county.Code) ?? EmptyScope(county)).Summarize(now))
            .ToImmutableArray();
        return new CitySnapshot(
            Code,
            region?.CityName ?? string.Empty,
            Version: all.Sum(scope => scope.Version),
            AsOf: all.Count == 0 ? DateTimeOffset.UnixEpoch : all.Max(scope => scope.AsOf),
            Demo: all.Any(scope => scope.Demo),
            ElderlyCare: CapacityGroup.Sum(all.Select(scope => scope.ElderlyCare)),
            ChildWelfare: CapacityGroup.Sum(all.Select(scope => scope.ChildWelfare)),
            Rescue: RescueGroup.Of(all.SelectMany(scope => scope.Stations), BureauCalendar.LocalDate(now)),
            Hotline: HotlineGroup.Of(all.SelectMany(scope => scope.Hotlines), now),
            counties);
    }

    private static ScopeTotals EmptyScope(County county) =>
        new(county.Code, county.Name, 0, DateTimeOffset.UnixEpoch, false, CapacityGroup.Empty, CapacityGroup.Empty, [], []);
}
