using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.Snapshots;

/// <summary>Institutions, beds and occupants of one institution kind within a group.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.kind-capacity")]
public sealed record KindCapacity(
    [property: Id(0)] InstitutionKind KindCode,
    [property: Id(1)] int Institutions,
    [property: Id(2)] int Beds,
    [property: Id(3)] int Occupants)
{
    public string Kind => KindCode.ToWireName();

    public string Name => KindCode.ToChineseName();

    public int Available => Math.Max(0, Beds - Occupants);
}
