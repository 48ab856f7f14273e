using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.Counties;

/// <summary>
/// A county roll-up, keyed by its GB/T 2260 code (the city code itself holds city-level institutions
/// and the city hotline). It stores only its name and membership and rebuilds its counters from its
/// institutions and hotline on activation.
/// </summary>
public interface ICountyGrain : IGrainWithStringKey
{
    /// <summary>Names the county and the city it reports to; called for every county of the registry.</summary>
    Task Define(string name, string cityCode);

    /// <summary>
    /// Takes an institution's absolute totals, making it a member on its first report; versions older
    /// than the last seen are ignored.
    /// </summary>
    Task Report(InstitutionTotals totals);

    /// <summary>Takes the county hotline's absolute totals; older versions are ignored.</summary>
    Task ReportHotline(HotlineTotals totals);

    /// <summary>An institution moved to another county: it is no longer counted here.</summary>
    Task Leave(string institutionId);

    [AlwaysInterleave]
    Task<ScopeTotals> GetTotals();

    [AlwaysInterleave]
    Task<CountySnapshot> GetSnapshot();
}
