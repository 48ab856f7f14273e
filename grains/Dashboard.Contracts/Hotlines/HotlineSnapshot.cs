namespace Dashboard.Contracts.Hotlines;

/// <summary>The public snapshot of one hotline (REST and the <c>hotline</c> SignalR group).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-snapshot")]
public sealed record HotlineSnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] bool Demo,
    [property: Id(5)] HotlineGroup Hotline)
{
    public static HotlineSnapshot From(HotlineTotals totals, DateTimeOffset now) =>
        new(totals.Code, totals.Name, totals.Version, totals.AsOf, totals.Demo, HotlineGroup.Of([totals], now));
}
