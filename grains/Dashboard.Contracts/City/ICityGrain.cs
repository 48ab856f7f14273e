using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.City;

/// <summary>The city roll-up over its counties; like a county it rebuilds itself from its children on activation.</summary>
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>Takes a county's absolute totals; older versions than the last seen are ignored.</summary>
    Task Report(ScopeTotals county);

    [AlwaysInterleave]
    Task<CitySnapshot> GetSnapshot();
}
