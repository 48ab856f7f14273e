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

    public Task<ImmutableArray<int>> GetInboundPerMinute() => Task.FromResult(
        state.State.InboundPerMinute.Length == 0 ? HotlineDays.EmptyDay : [.. state.State.InboundPerMinute]);
}
