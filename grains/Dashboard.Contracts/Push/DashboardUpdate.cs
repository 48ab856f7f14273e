namespace Dashboard.Contracts.Push;

/// <summary>
/// A change pushed to dashboards: <paramref name="Key"/> is also the SignalR group (<c>city</c>,
/// <c>county:&lt;code&gt;</c>); <paramref name="Data"/> has the shape of that key's REST snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.update")]
public sealed record DashboardUpdate(
    [property: Id(0)] string Key,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] object Data);
