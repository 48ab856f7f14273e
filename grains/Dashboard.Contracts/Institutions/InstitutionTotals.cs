using Dashboard.Contracts.Rescue;

namespace Dashboard.Contracts.Institutions;

/// <summary>
/// The absolute, versioned counters an institution reports to its county. A parent keeps the
/// highest version per child, so resending, duplicating or reordering reports never double counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.institution-totals")]
public sealed record InstitutionTotals(
    [property: Id(0)] InstitutionInfo Info,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] int Beds,
    [property: Id(4)] int Occupants,
    [property: Id(5)] bool Active = true,
    [property: Id(6)] RescueTotals? Rescue = null)
{
    public int Available => Math.Max(0, Beds - Occupants);

    /// <summary>More occupants than beds: accepted, because people are there, but shown in red.</summary>
    public bool OverCapacity => Occupants > Beds;
}
