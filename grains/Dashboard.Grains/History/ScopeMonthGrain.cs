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
        var changed = false;
        foreach (var day in days.Where(day => day.Replaces(kept.GetValueOrDefault(day.Day))))
        {
            kept[day.Day] = day;
            changed = true;
        }

        if (!changed)
        {
            return;
        }

        state.State.Days = [.. kept.Values.OrderBy(day => day.Day)];
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
    }

    public Task<ImmutableArray<DayFigures>> Days() => Task.FromResult(state.State.Days);
}
