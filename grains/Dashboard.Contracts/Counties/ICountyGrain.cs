using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.Counties;

/// <summary>
/// A county roll-up, keyed by its GB/T 2260 code (the city code itself holds city-level institutions).
/// It stores only its membership and rebuilds its counters from its institutions on activation.
/// </summary>
public interface ICountyGrain : IGrainWithStringKey
{
    /// <summary>Names the county; called for every county of the registry.</summary>
    Task Define(string name);

    /// <summary>
    /// Takes an institution's absolute totals, making it a member on its first report; versions older
    /// than the last seen are ignored.
    /// </summary>
    Task Report(InstitutionTotals totals);

    [AlwaysInterleave]
    Task<ScopeTotals> GetTotals();

    [AlwaysInterleave]
    Task<CountySnapshot> GetSnapshot();
}
