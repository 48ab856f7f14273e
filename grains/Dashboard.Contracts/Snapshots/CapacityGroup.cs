using System.Collections.Immutable;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.Snapshots;

/// <summary>
/// Institutions, beds and occupants of a group of kinds (elderly care, child welfare), with the number
/// of institutions above capacity and a breakdown by kind. Deactivated institutions are not counted.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.capacity-group")]
public sealed record CapacityGroup(
    [property: Id(0)] int Institutions,
    [property: Id(1)] int Beds,
    [property: Id(2)] int Occupants,
    [property: Id(3)] int OverCapacity,
    [property: Id(4)] ImmutableArray<KindCapacity> ByKind)
{
    public static readonly CapacityGroup Empty = new(0, 0, 0, 0, []);

    public int Available => Math.Max(0, Beds - Occupants);

    /// <summary>Occupants per bed in percent, one decimal; 0 where there are no beds.</summary>
    public double OccupancyRate => Beds == 0 ? 0 : Math.Round(100.0 * Occupants / Beds, 1);

    public static CapacityGroup Of(IEnumerable<InstitutionTotals> institutions) =>
        Of(institutions.Where(totals => totals.Active).Select(totals => (totals.Info.Kind, totals.Beds, totals.Occupants)));

    /// <summary>The group of these active institutions, each by its kind, beds and people.</summary>
    public static CapacityGroup Of(IEnumerable<(InstitutionKind Kind, int Beds, int Occupants)> active)
    {
        var list = active.ToList();
        var byKind = list.GroupBy(institution => institution.Kind)
            .Select(kind => new KindCapacity(kind.Key, kind.Count(), kind.Sum(institution => institution.Beds), kind.Sum(institution => institution.Occupants)));
        return new CapacityGroup(
            list.Count, list.Sum(institution => institution.Beds), list.Sum(institution => institution.Occupants),
            list.Count(institution => institution.Occupants > institution.Beds), Sorted(byKind));
    }

    public static CapacityGroup Sum(IEnumerable<CapacityGroup> groups)
    {
        var list = groups.ToList();
        var byKind = list.SelectMany(group => group.ByKind).GroupBy(kind => kind.KindCode)
            .Select(kind => new KindCapacity(kind.Key, kind.Sum(k => k.Institutions), kind.Sum(k => k.Beds), kind.Sum(k => k.Occupants)));
        return new CapacityGroup(
            list.Sum(group => group.Institutions), list.Sum(group => group.Beds), list.Sum(group => group.Occupants),
            list.Sum(group => group.OverCapacity), Sorted(byKind));
    }

    private static ImmutableArray<KindCapacity> Sorted(IEnumerable<KindCapacity> kinds) => [.. kinds.OrderBy(kind => kind.KindCode)];
}
