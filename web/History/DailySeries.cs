using System.Collections.Frozen;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Web.History;

/// <summary>
/// A scope's metrics day by day from <paramref name="From"/>: one number per day, null where no day was
/// kept. Stocks (people in homes and stations) as the day ended; flows (rescues, calls, cases) in the day.
/// </summary>
public sealed record DailySeries(string Code, DateOnly From, DateOnly To, IReadOnlyDictionary<string, int?[]> Metrics)
{
    private static readonly FrozenDictionary<string, Func<ScopeSummary, int>> Figures = new Dictionary<string, Func<ScopeSummary, int>>
    {
        ["occupancy"] = scope => scope.ElderlyCare.Occupants,
        ["children"] = scope => scope.ChildWelfare.Occupants,
        ["residents"] = scope => scope.Rescue.Residents,
        ["rescues"] = scope => scope.Rescue.Today.Received,
        ["reunions"] = scope => scope.Rescue.Today.Reunited,
        ["hotlineCalls"] = scope => scope.Hotline.Today.Answered + scope.Hotline.Today.Missed,
        ["hotlineCases"] = scope => scope.Hotline.Today.Consultations + scope.Hotline.Today.Interventions,
    }.ToFrozenDictionary();

    public static DailySeries Of(string code, DateOnly from, DateOnly to, IEnumerable<DayFigures> days)
    {
        var byDay = days.ToDictionary(day => day.Day, day => day.Scope);
        var count = to.DayNumber - from.DayNumber + 1;
        return new DailySeries(code, from, to, Figures.ToDictionary(
            metric => metric.Key,
            metric => Enumerable.Range(0, count).Select(offset => byDay.TryGetValue(from.AddDays(offset), out var scope) ? metric.Value(scope) : (int?)null).ToArray()));
    }
}
