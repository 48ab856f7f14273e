using System.Collections.Immutable;

namespace Dashboard.Grains.Hotlines;

/// <summary>Inbound calls of one line in some hours (0–23, Beijing time) of one past day.</summary>
public sealed record HotlineHistoryDay(string Line, DateOnly Day, ImmutableDictionary<int, int> CallsByHour);
