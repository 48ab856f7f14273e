using System.Collections.Immutable;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Push;

namespace Dashboard.Grains.Counties;

public sealed class CountyGrain(
    [PersistentState("county", StorageNames.Dashboard)] IPersistentState<CountyState> state,
    UpdateNotifier notifier,
    TimeProvider clock) : Grain, ICountyGrain
{
    private readonly Dictionary<string, InstitutionTotals> institutions = new(StringComparer.Ordinal);

    private HotlineTotals? hotline;

    private long versionReportedToCity;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = Task.WhenAll(state.State.Members.Select(id => GrainFactory.GetGrain<IInstitutionGrain>(id).GetTotals()));
        hotline = await GrainFactory.GetGrain<IHotlineGrain>(Code).GetTotals();
        foreach (var totals in (await members).OfType<InstitutionTotals>())
        {
            institutions[totals.Info.Id] = totals;
        }
    }

    public async Task Define(string name, string cityCode)
    {
        if (state.State.Name != name || state.State.CityCode != cityCode)
        {
            state.State.Name = name;
            state.State.CityCode = cityCode;
            await state.WriteStateAsync();
            await Changed();
        }
    }

    public async Task Report(InstitutionTotals totals)
    {
        if (state.State.Members.Add(totals.Info.Id))
        {
            await state.WriteStateAsync();
        }

        if (!institutions.TryGetValue(totals.Info.Id, out var known) || known.Version < totals.Version)
        {
            institutions[totals.Info.Id] = totals;
            await Changed();
        }
        else if (versionReportedToCity < CurrentTotals().Version)
        {
            await ReportToCity();
        }
    }

    public async Task ReportHotline(HotlineTotals totals)
    {
        if (hotline is null || hotline.Version < totals.Version)
        {
            hotline = totals;
            await Changed();
        }
    }

    public async Task Leave(string institutionId)
    {
        if (state.State.Members.Remove(institutionId))
        {
            state.State.RetiredVersions += institutions.Remove(institutionId, out var left) ? left.Version : 0;
            await state.WriteStateAsync();
            await Changed();
        }
    }

    public Task<ScopeTotals> GetTotals() => Task.FromResult(CurrentTotals());

    public Task<CountySnapshot> GetSnapshot() => Task.FromResult(CurrentSnapshot());

    private async Task Changed()
    {
        var snapshot = CurrentSnapshot();
        notifier.Publish(new DashboardUpdate(UpdateKeys.County(Code), snapshot.Version, snapshot.AsOf, snapshot));
        await ReportToCity();
    }

    /// <summary>
    /// Forwards the county's totals; a failure surfaces to the reporting institution, whose retry
    /// finds this county ahead of what it reported to the city and sends again.
    /// </summary>
    private async Task ReportToCity()
    {
        if (state.State.CityCode.Length == 0)
        {
            return;
        }

        var totals = CurrentTotals();
        await GrainFactory.GetGrain<ICityGrain>(state.State.CityCode).Report(totals);
        versionReportedToCity = Math.Max(versionReportedToCity, totals.Version);
    }

    private ScopeTotals CurrentTotals()
    {
        var all = institutions.Values;
        var active = all.Where(totals => totals.Active).ToList();
        var asOf = all.Select(totals => totals.AsOf).Append(hotline?.AsOf ?? DateTimeOffset.UnixEpoch).DefaultIfEmpty().Max();
        return new ScopeTotals(
            Code,
            state.State.Name,
            Version: all.Sum(totals => totals.Version) + (hotline?.Version ?? 0) + state.State.RetiredVersions,
            AsOf: asOf,
            Demo: active.Any(totals => totals.Info.Demo) || hotline?.Demo == true,
            ElderlyCare: CapacityGroup.Of(active.Where(totals => totals.Info.Kind.IsElderlyCare())),
            ChildWelfare: CapacityGroup.Of(active.Where(totals => totals.Info.Kind.IsChildWelfare())),
            Stations: [.. active.Select(totals => totals.Rescue).OfType<RescueTotals>()],
            Hotlines: hotline is null ? [] : [hotline]);
    }

    private CountySnapshot CurrentSnapshot()
    {
        var now = clock.GetUtcNow();
        var summary = CurrentTotals().Summarize(now);
        var list = institutions.Values
            .OrderBy(institution => institution.Info.Kind)
            .ThenBy(institution => institution.Info.Id, StringComparer.Ordinal)
            .Select(institution => InstitutionSnapshot.From(institution, now))
            .ToImmutableArray();
        return new CountySnapshot(
            summary.Code, summary.Name, summary.Version, summary.AsOf, summary.Demo,
            summary.ElderlyCare, summary.ChildWelfare, summary.Rescue, summary.Hotline, list);
    }
}
