using System.Collections.Immutable;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Push;

namespace Dashboard.Grains.Counties;

public sealed class CountyGrain(
    [PersistentState("county", StorageNames.Dashboard)] IPersistentState<CountyState> state,
    UpdateNotifier notifier) : Grain, ICountyGrain
{
    private readonly Dictionary<string, InstitutionTotals> institutions = new(StringComparer.Ordinal);

    private long versionReportedToCity;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = await Task.WhenAll(state.State.Members.Select(id => GrainFactory.GetGrain<IInstitutionGrain>(id).GetTotals()));
        foreach (var totals in members.OfType<InstitutionTotals>())
        {
            institutions[totals.Info.Id] = totals;
        }
    }

    public async Task Define(string name)
    {
        if (state.State.Name != name)
        {
            state.State.Name = name;
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

        if (IsNewer(totals))
        {
            institutions[totals.Info.Id] = totals;
            await Changed();
        }
        else if (versionReportedToCity < CurrentTotals().Version)
        {
            await ReportToCity();
        }
    }

    public Task<ScopeTotals> GetTotals() => Task.FromResult(CurrentTotals());

    public Task<CountySnapshot> GetSnapshot() => Task.FromResult(CurrentSnapshot());

    private bool IsNewer(InstitutionTotals totals) =>
        !institutions.TryGetValue(totals.Info.Id, out var known) || known.Version < totals.Version;

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
        var totals = CurrentTotals();
        await GrainFactory.GetGrain<ICityGrain>(CountyCodes.CityOf(Code)).Report(totals);
        versionReportedToCity = Math.Max(versionReportedToCity, totals.Version);
    }

    private ScopeTotals CurrentTotals()
    {
        var all = institutions.Values;
        return new ScopeTotals(
            Code,
            state.State.Name,
            Version: all.Sum(totals => totals.Version),
            AsOf: all.Count == 0 ? DateTimeOffset.UnixEpoch : all.Max(totals => totals.AsOf),
            Demo: all.Any(totals => totals.Info.Demo),
            ElderlyCare: CapacityGroup.Of(all.Where(totals => totals.Info.Kind.IsElderlyCare())),
            ChildWelfare: CapacityGroup.Of(all.Where(totals => totals.Info.Kind.IsChildWelfare())));
    }

    private CountySnapshot CurrentSnapshot()
    {
        var totals = CurrentTotals();
        var list = institutions.Values
            .OrderBy(institution => institution.Info.Kind)
            .ThenBy(institution => institution.Info.Id, StringComparer.Ordinal)
            .Select(InstitutionSnapshot.From)
            .ToImmutableArray();
        return new CountySnapshot(totals.Code, totals.Name, totals.Version, totals.AsOf, totals.Demo, totals.ElderlyCare, totals.ChildWelfare, list);
    }
}
