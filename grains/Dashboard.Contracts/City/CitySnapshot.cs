using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Contracts.City;

/// <summary>
/// The public snapshot of the city (REST and the <c>city</c> SignalR group): totals, one entry per
/// county, and <see cref="CityLevel"/> (市本级): the institutions and hotline registered under the
/// city code itself. The counties and the city level together add up to the totals.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.city-snapshot")]
public sealed record CitySnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] CapacityGroup ElderlyCare,
    [property: Id(6)] CapacityGroup ChildWelfare,
    [property: Id(7)] RescueGroup Rescue,
    [property: Id(8)] HotlineGroup Hotline,
    [property: Id(9)] ImmutableArray<ScopeSummary> Counties,
    [property: Id(10)] ScopeSummary CityLevel)
{
    /// <summary>The city's totals as one scope, the way its history keeps them.</summary>
    public ScopeSummary AsScope() => new(Code, Name, Version, AsOf, Demo, ElderlyCare, ChildWelfare, Rescue, Hotline);
}
