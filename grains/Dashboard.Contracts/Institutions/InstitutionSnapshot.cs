namespace Dashboard.Contracts.Institutions;

/// <summary>The public snapshot of one institution (REST and SignalR).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.institution-snapshot")]
public sealed record InstitutionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string CountyCode,
    [property: Id(4)] long Version,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6)] bool Demo,
    [property: Id(7)] int Beds,
    [property: Id(8)] int Occupants)
{
    public int Available => Math.Max(0, Beds - Occupants);

    public bool OverCapacity => Occupants > Beds;

    public static InstitutionSnapshot From(InstitutionTotals totals) => new(
        totals.Info.Id, totals.Info.Name, totals.Info.Kind.ToWireName(), totals.Info.CountyCode,
        totals.Version, totals.AsOf, totals.Info.Demo, totals.Beds, totals.Occupants);
}
