using System.Collections.Immutable;
using Dashboard.Contracts.History;

namespace Dashboard.Grains.History;

[GenerateSerializer, Alias("dashboard.scope-month-state")]
public sealed class ScopeMonthState
{
    /// <summary>The month's days, oldest first; at most one record per day.</summary>
    [Id(0)] public ImmutableArray<DayFigures> Days { get; set; } = [];
}
