using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Ingest;

public sealed class AcceptedIdsArchiveGrain(
    [PersistentState("accepted-ids", StorageNames.Dashboard)] IPersistentState<AcceptedIdsBlock> state) : Grain, IAcceptedIdsArchiveGrain
{
    public async Task Keep(ImmutableArray<AcceptedId> ids)
    {
        state.State.Ids = [.. ids];
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AcceptedId>> Read() => Task.FromResult<ImmutableArray<AcceptedId>>([.. state.State.Ids]);

    public async Task Forget()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
