using System.Collections.Immutable;
using Dashboard.Contracts.Access;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.Access;

/// <summary>Appends arrive interleaved and join one write (group commit), so a burst of failed sign-ins costs few writes.</summary>
public sealed class SecurityLogGrain : Grain, ISecurityLogGrain
{
    private readonly IPersistentState<SecurityLogState> state;

    private readonly GroupCommit commit;

    public SecurityLogGrain([PersistentState("security-log", StorageNames.Dashboard)] IPersistentState<SecurityLogState> state)
    {
        this.state = state;
        commit = new GroupCommit(() => state.WriteOrDeactivate(this.DeactivateOnIdle));
    }

    public Task Append(SecurityEvent entry)
    {
        commit.ThrowIfFailed();
        state.State.Entries = state.State.Entries.Add(entry);
        return commit.Durable();
    }

    public Task<ImmutableArray<SecurityEvent>> Get() => Task.FromResult(state.State.Entries.ToImmutableArray());
}
