using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.Counties;

/// <summary>The public snapshot of a county (REST and the <c>county:&lt;code&gt;</c> SignalR group).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.county-snapshot")]
public sealed record CountySnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] CapacityGroup ElderlyCare,
    [property: Id(6)] CapacityGroup ChildWelfare,
    [property: Id(7)] RescueGroup Rescue,
    [property: Id(8)] HotlineGroup Hotline,
    [property: Id(9)] ImmutableArray<InstitutionSnapshot> Institutions)
{
    /// <summary>The county's figures without its institutions, as the city snapshot and the history list it.</summary>
    public ScopeSummary AsScope() => new(Code, Name, Version, AsOf, Demo, ElderlyCare, ChildWelfare, Rescue, Hotline);
}
