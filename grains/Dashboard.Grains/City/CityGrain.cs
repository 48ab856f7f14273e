using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Push;

namespace Dashboard.Grains.City;

/// <summary>
/// Keyed by the city code; holds no state of its own and rebuilds from its counties on activation.
/// A report only records the county's totals: the snapshot, which covers every county, is built when
/// it is read or pushed (once per flush), so thousands of counties do not make each report costly.
/// </summary>
public sealed class CityGrain(UpdateNotifier notifier, TimeProvider clock) : Grain, ICityGrain
{
    private ImmutableDictionary<string, ScopeTotals> scopes = ImmutableDictionary.Create<string, ScopeTotals>(StringComparer.Ordinal);

    /// <summary>The sum of the scopes' versions, kept as reports arrive.</summary>
    private long version;

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
        scopes = totals.ToImmutableDictionary(scope => scope.Code, StringComparer.Ordinal);
        version = totals.Sum(scope => scope.Version);
    }

    public async Task Report(ScopeTotals county)
    {
        var known = scopes.GetValueOrDefault(county.Code);
        if (known is not null && known.Version >= county.Version)
        {
            return;
        }

        scopes = scopes.SetItem(county.Code, county);
        version += county.Version - (known?.Version ?? 0);
        region ??= await GrainFactory.GetGrain<IRegistryGrain>(0).GetRegion();
        var (code, inRegion, reported, at) = (Code, region, scopes, version);
        notifier.Publish(UpdateKeys.City, at, () =>
        {
            var snapshot = Snapshot(code, inRegion, reported, at, clock.GetUtcNow());
            return new DashboardUpdate(UpdateKeys.City, snapshot.Version, snapshot.AsOf, snapshot);
        });
    }

    public Task<CitySnapshot> GetSnapshot() => Task.FromResult(Snapshot(Code, region, scopes, version, clock.GetUtcNow()));

    /// <summary>
    /// Totals include the city-level scope (institutions and the hotline registered under the city
    /// code itself), which the snapshot also shows on its own; the county list shows the region's
    /// counties in registry order.
    /// </summary>
    private static CitySnapshot Snapshot(string code, Region? region, ImmutableDictionary<string, ScopeTotals> scopes, long version, DateTimeOffset now)
    {
        var all = scopes.Values.ToList();
        var counties = (region?.Counties ?? [])
            .Select(county => (scopes.GetValueOrDefault(county.Code) ?? ScopeTotals.Empty(county.Code, county.Name, DateTimeOffset.UnixEpoch)).Summarize(now))
            .ToImmutableArray();
        var cityLevel = (scopes.GetValueOrDefault(code) ?? ScopeTotals.Empty(code, Region.CityLevelName, DateTimeOffset.UnixEpoch)).Summarize(now);
        return new CitySnapshot(
            code,
            region?.CityName ?? string.Empty,
            Version: version,
            AsOf: all.Count == 0 ? DateTimeOffset.UnixEpoch : all.Max(scope => scope.AsOf),
            Demo: all.Any(scope => scope.Demo),
            ElderlyCare: CapacityGroup.Sum(all.Select(scope => scope.ElderlyCare)),
            ChildWelfare: CapacityGroup.Sum(all.Select(scope => scope.ChildWelfare)),
            Rescue: RescueGroup.Of(all.SelectMany(scope => scope.Stations), BureauCalendar.LocalDate(now)),
            Hotline: HotlineGroup.Of(all.SelectMany(scope => scope.Hotlines), now),
            counties,
            cityLevel);
    }
}
