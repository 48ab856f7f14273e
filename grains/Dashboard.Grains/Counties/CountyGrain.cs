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
    /// <summary>Immutable, so that a snapshot built later, off this grain's turn, reads the members of one moment.</summary>
    private ImmutableDictionary<string, InstitutionTotals> institutions = ImmutableDictionary.Create<string, InstitutionTotals>(StringComparer.Ordinal);

    private HotlineTotals? hotline;

    private long versionReportedToCity;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = Task.WhenAll(state.State.Members.Select(id => GrainFactory.GetGrain<IInstitutionGrain>(id).GetTotals()));
        hotline = await GrainFactory.GetGrain<IHotlineGrain>(Code).GetTotals();
        institutions = institutions.SetItems((await members).OfType<InstitutionTotals>().Select(totals => KeyValuePair.Create(totals.Info.Id, totals)));
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
            institutions = institutions.SetItem(totals.Info.Id, totals);
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
            state.State.RetiredVersions += institutions.TryGetValue(institutionId, out var left) ? left.Version : 0;
            institutions = institutions.Remove(institutionId);
            await state.WriteStateAsync();
            await Changed();
        }
    }

    public Task<ScopeTotals> GetTotals() => Task.FromResult(CurrentTotals());

    public Task<CountySnapshot> GetSnapshot() => Task.FromResult(Snapshot(CurrentTotals(), institutions, clock.GetUtcNow()));

    /// <summary>
    /// The county's snapshot lists every institution, so it is built only when the notifier flushes:
    /// once per flush however many reports arrived, from the totals and members of this moment.
    /// </summary>
    private async Task Changed()
    {
        var (key, totals, members) = (UpdateKeys.County(Code), CurrentTotals(), institutions);
        notifier.Publish(key, totals.Version, () =>
        {
            var snapshot = Snapshot(totals, members, clock.GetUtcNow());
            return new DashboardUpdate(key, snapshot.Version, snapshot.AsOf, snapshot);
        });
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

    private static CountySnapshot Snapshot(ScopeTotals totals, ImmutableDictionary<string, InstitutionTotals> institutions, DateTimeOffset now)
    {
        var summary = totals.Summarize(now);
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
