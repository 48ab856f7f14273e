namespace Dashboard.Contracts.History;

/// <summary>
/// The institutions of a county (or 市本级) on one day, keyed <c>&lt;code&gt;/&lt;yyyy-MM-dd&gt;</c>: one
/// small record per day, so that recording today rewrites neither the month nor the other days.
/// </summary>
public interface IInstitutionsDayGrain : IGrainWithStringKey
{
    /// <summary>Keeps the record unless a later one of the day is kept already; absolute, so a retry changes nothing.</summary>
    Task Keep(InstitutionsDay institutions);

    /// <summary>The day's record; none when the day was never recorded.</summary>
    [AlwaysInterleave]
    Task<InstitutionsDay?> Get();
}
