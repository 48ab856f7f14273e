using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.History;

/// <summary>
/// A scope's figures at the end of one Beijing day (or, for today, as last recorded), exactly as the
/// wall showed them: the same summary the city snapshot gives each county, with the year's, the
/// month's and the day's counts, so that a past day can be shown again. <paramref name="RecordedAt"/>
/// orders records of the same day: a later one replaces an earlier one, never the other way round.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.day-figures")]
public sealed record DayFigures(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] ScopeSummary Scope)
{
    /// <summary>Whether this record of the day replaces <paramref name="known"/> (see <see cref="DayRecord.Later"/>).</summary>
    public bool Replaces(DayFigures? known) => known is null || DayRecord.Later(RecordedAt, Scope.Version, known.RecordedAt, known.Scope.Version);
}
