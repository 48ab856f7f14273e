using System.Collections.Immutable;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.History;

/// <summary>
/// Every institution of a county (or 市本级) at the end of one Beijing day, as its page listed them.
/// <paramref name="Version"/> is the county's: ordered like <see cref="DayFigures"/>, a later record
/// replaces an earlier one, never the other way round.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.institutions-day")]
public sealed record InstitutionsDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] long Version,
    [property: Id(3)] ImmutableArray<InstitutionSnapshot> Institutions)
{
    /// <summary>Whether this record of the day replaces <paramref name="known"/> (see <see cref="DayRecord.Later"/>).</summary>
    public bool Replaces(InstitutionsDay? known) => known is null || DayRecord.Later(RecordedAt, Version, known.RecordedAt, known.Version);
}
