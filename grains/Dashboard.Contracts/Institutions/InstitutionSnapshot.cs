using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Contracts.Institutions;

/// <summary>The public snapshot of one institution (REST and county snapshots); stations carry their rescue figures.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.institution-snapshot")]
public sealed record InstitutionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string KindName,
    [property: Id(4)] string CountyCode,
    [property: Id(5)] long Version,
    [property: Id(6)] DateTimeOffset AsOf,
    [property: Id(7)] bool Demo,
    [property: Id(8)] bool Active,
    [property: Id(9)] int Beds,
    [property: Id(10)] int Occupants,
    [property: Id(11)] RescueGroup? Rescue)
{
    public int Available => Math.Max(0, Beds - Occupants);

    public bool OverCapacity => Occupants > Beds;

    public static InstitutionSnapshot From(InstitutionTotals totals, DateTimeOffset now) => new(
        totals.Info.Id, totals.Info.Name, totals.Info.Kind.ToWireName(), totals.Info.Kind.ToChineseName(), totals.Info.CountyCode,
        totals.Version, totals.AsOf, totals.Info.Demo, totals.Active, totals.Beds, totals.Occupants,
        totals.Rescue is null ? null : RescueGroup.Of([totals.Rescue], BureauCalendar.LocalDate(now)));
}
