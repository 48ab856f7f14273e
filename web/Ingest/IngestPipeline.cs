using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Ingest;

/// <summary>Applies planned events: the ingest API's and those derived from 12345 work orders.</summary>
public static class IngestPipeline
{
    /// <summary>
    /// Events are grouped per grain (institution or hotline) and each group is applied in one durable
    /// write; the groups run in parallel. One result per event, in the order given.
    /// </summary>
    public static async Task<EventResult[]> Apply(IReadOnlyList<PlannedEvent> planned, IGrainFactory grains)
    {
        var results = planned.Select(plan => plan.KnownResult).ToArray();
        var items = planned.Select((plan, index) => (Plan: plan, Index: index)).ToList();
        var institutions = items.Where(item => item.Plan.Institution is not null).GroupBy(item => item.Plan.Target, StringComparer.Ordinal)
            .Select(group => Apply(group, changes => grains.GetGrain<IInstitutionGrain>(group.Key).Apply([.. changes.Select(item => item.Plan.Institution!)])));
        var hotlines = items.Where(item => item.Plan.Hotline is not null).GroupBy(item => item.Plan.Target, StringComparer.Ordinal)
            .Select(group => Apply(group, changes => grains.GetGrain<IHotlineGrain>(group.Key).Apply([.. changes.Select(item => item.Plan.Hotline!)])));
        await Task.WhenAll(institutions.Concat(hotlines));
        return results!;

        async Task Apply(IEnumerable<(PlannedEvent Plan, int Index)> group, Func<IEnumerable<(PlannedEvent Plan, int Index)>, Task<ImmutableArray<EventResult>>> apply)
        {
            var list = group.ToList();
            foreach (var (item, outcome) in list.Zip(await apply(list)))
            {
                results[item.Index] = outcome;
            }
        }
    }
}
