namespace Dashboard.Contracts.Targets;

/// <summary>The targets of the deployment (one grain, key 0), set by an administrator per county and metric.</summary>
public interface ITargetsGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    Task<TargetSet> GetAll();

    /// <summary>Sets or replaces the target; the caller has checked the county and the value.</summary>
    Task<TargetSet> Set(string county, TargetMetric metric, int value);

    /// <summary>Removes the target if there is one.</summary>
    Task<TargetSet> Remove(string county, TargetMetric metric);
}
