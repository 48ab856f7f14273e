using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;

namespace Dashboard.Grains.Hotlines;

public sealed class HotlineDayGrain(
    [PersistentState("hotline-day", StorageNames.Dashboard)] IPersistentState<HotlineDayState> state) : Grain, IHotlineDayGrain
{
    public async Task Store(ImmutableArray<int> inboundPerMinute)
    {
        if (!state.State.InboundPerMinute.AsSpan().SequenceEqual(inboundPerMinute.AsSpan()))
        {
            state.State.InboundPerMinute = [.. inboundPerMinute];
            await state.WriteStateAsync();
        }
    }

    public Task SetHours(ImmutableDictionary<int, int> callsByHour)
    {
        var minutes = state.State.InboundPerMinute.Length == HotlineDays.MinutesPerDay ? [.. state.State.InboundPerMinute] : new int[HotlineDays.MinutesPerDay];
        foreach (var (hour, calls) in callsByHour)
        {
            if (hour is < 0 or > 23 || calls < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(callsByHour), $"hour {hour}, calls {calls}: hours are 0 to 23, calls not negative");
            }

            for (var minute = 0; minute < 60; minute++)
            {
                // The remainder goes to the first minutes, so the hour's sum is exactly the imported count.
                minutes[hour * 60 + minute] = calls / 60 + (minute < calls % 60 ? 1 : 0);
            }
        }

        return Store([.. minutes]);
    }

    public Task<ImmutableArray<int>> GetInboundPerMinute() => Task.FromResult(
        state.State.InboundPerMinute.Length == 0 ? HotlineDays.EmptyDay : [.. state.State.InboundPerMinute]);
}
