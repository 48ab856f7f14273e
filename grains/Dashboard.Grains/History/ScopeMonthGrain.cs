using System.Collections.Immutable;
using Dashboard.Contracts.History;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.History;

public sealed class ScopeMonthGrain(
    [PersistentState("scope-month", StorageNames.Dashboard)] IPersistentState<ScopeMonthState> state) : Grain, IScopeMonthGrain
{
    public Task Keep(DayFigures figures) => KeepAll([figures]);

    public async Task KeepAll(ImmutableArray<DayFigures> days)
    {
        var kept = state.State.Days.ToDictionary(day => day.Day);
        var newer = days.Where(day => !kept.TryGetValue(day.Day, out var known) || Later(day, known)).ToList();
        if (newer.Count == 0)
        {
            return;
        }

        foreach (var day in newer)
        {
            kept[day.Day] = day;
        }

        state.State.Days = [.. kept.Values.OrderBy(day => day.Day)];
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
    }

    public Task<ImmutableArray<DayFigures>> Days() => Task.FromResult(state.State.Days);

    /// <summary>Taken later; at the same moment (two silos, one clock tick), the one that has seen more changes.</summary>
    private static bool Later(DayFigures day, DayFigures known) =>
        day.RecordedAt > known.RecordedAt || (day.RecordedAt == known.RecordedAt && day.Scope.Version > known.Scope.Version);
}
