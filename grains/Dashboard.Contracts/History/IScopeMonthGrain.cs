using System.Collections.Immutable;

namespace Dashboard.Contracts.History;

/// <summary>
/// One month of a scope's daily figures (the city, a county or 市本级), keyed
/// <c>&lt;code&gt;/&lt;yyyy-MM&gt;</c>: a month is a few kilobytes, and a year of reads is twelve calls.
/// </summary>
public interface IScopeMonthGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps the day's figures unless a later record of that day is already kept (at the same moment, one
    /// that has seen as many changes); absolute, so a retry changes nothing.
    /// </summary>
    Task Keep(DayFigures figures);

    /// <summary>Keeps several days of the month at once, each as <see cref="Keep"/> would, in one write.</summary>
    Task KeepAll(ImmutableArray<DayFigures> days);

    /// <summary>The month's days, oldest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<DayFigures>> Days();
}
