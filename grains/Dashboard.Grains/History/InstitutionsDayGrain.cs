using Dashboard.Contracts.History;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.History;

public sealed class InstitutionsDayGrain(
    [PersistentState("institutions-day", StorageNames.Dashboard)] IPersistentState<InstitutionsDayState> state) : Grain, IInstitutionsDayGrain
{
    public async Task Keep(InstitutionsDay institutions)
    {
        if (!institutions.Replaces(state.State.Institutions))
        {
            return;
        }

        state.State.Institutions = institutions;
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
    }

    public Task<InstitutionsDay?> Get() => Task.FromResult(state.State.Institutions);
}
