using Dashboard.Contracts.Institutions;
using Dashboard.Web.Access;

namespace Dashboard.Web.Ingest;

/// <summary>
/// A county bureau's source writes only in its counties, and an institution's reporting link only
/// for that institution: each event outside is rejected with the reason, and the rest of the batch
/// goes ahead. City-wide sources skip this, so the common case costs nothing.
/// </summary>
public static class IngestScope
{
    public static async Task<IReadOnlyList<PlannedEvent>> Restrict(IReadOnlyList<PlannedEvent> planned, AccessScope scope, IGrainFactory grains)
    {
        if (scope.IsCityWide)
        {
            return planned;
        }

        if (scope.Institution is { } only)
        {
            return [.. planned.Select(plan => plan.KnownResult is not null || (plan.Institution is not null && plan.Target == only) ? plan
                : PlannedEvent.Rejected(plan.Id, $"此填报链接只能填报机构 {only} 的数据"))];
        }

        var institutionIds = planned.Where(plan => plan.Institution is not null).Select(plan => plan.Target).Distinct(StringComparer.Ordinal).ToArray();
        var counties = await Task.WhenAll(institutionIds.Select(async id => (Id: id, (await grains.GetGrain<IInstitutionGrain>(id).GetTotals())?.Info.CountyCode)));
        var countyOf = counties.ToDictionary(entry => entry.Id, entry => entry.CountyCode, StringComparer.Ordinal);

        return [.. planned.Select(plan => plan switch
        {
            { Institution: not null } when countyOf[plan.Target] is { } county && !scope.Allows(county) =>
                PlannedEvent.Rejected(plan.Id, $"机构 {plan.Target} 属于区县 {county}，不在此密钥的区县范围内"),
            { Hotline: not null } when !scope.Allows(plan.Target) =>
                PlannedEvent.Rejected(plan.Id, $"热线 {plan.Target} 不在此密钥的区县范围内"),
            _ => plan,
        })];
    }
}
