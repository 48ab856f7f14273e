using System.Collections.Immutable;

namespace Dashboard.Contracts.Hotlines;

/// <summary>Inbound calls per slot (minute or hour) from <paramref name="From"/>, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.hotline-history")]
public sealed record HotlineHistory(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] TimeSpan Slot,
    [property: Id(3)] ImmutableArray<int> Inbound);
