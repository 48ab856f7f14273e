using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.Snapshots;

/// <summary>Institutions, beds and occupants of one group of institution kinds (elderly care, child welfare).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.capacity-group")]
public sealed record CapacityGroup(
    [property: Id(0)] int Institutions,
    [property: Id(1)] int Beds,
    [property: Id(2)] int Occupants)
{
    public static readonly CapacityGroup Empty = new(0, 0, 0);

    public int Available => Math.Max(0, Beds - Occupants);

    /// <summary>Occupants per bed in percent, one decimal; 0 where there are no beds.</summary>
    public double OccupancyRate => Beds == 0 ? 0 : Math.Round(100.0 * Occupants / Beds, 1);

    public CapacityGroup Add(CapacityGroup other) =>
        new(Institutions + other.Institutions, Beds + other.Beds, Occupants + other.Occupants);

    public static CapacityGroup Sum(IEnumerable<CapacityGroup> groups) => groups.Aggregate(Empty, (sum, group) => sum.Add(group));

    public static CapacityGroup Of(IEnumerable<InstitutionTotals> institutions) =>
        Sum(institutions.Select(totals => new CapacityGroup(1, totals.Beds, totals.Occupants)));
}
