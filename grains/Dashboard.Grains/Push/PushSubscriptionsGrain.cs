using System.Collections.Immutable;
using Dashboard.Contracts.Push;

namespace Dashboard.Grains.Push;

/// <summary>
/// Stored, so that when the silo holding this grain dies its successor knows every web node at once
/// instead of after their next renewal; entries of web nodes that died expire on their own.
/// </summary>
public sealed class PushSubscriptionsGrain(
    [PersistentState("push-subscriptions", StorageNames.Dashboard)] IPersistentState<PushSubscriptionsState> state,
    TimeProvider clock) : Grain, IPushSubscriptionsGrain
{
    private Dictionary<IDashboardObserver, DateTimeOffset> Expiries => state.State.Expiries;

    public async Task Subscribe(IDashboardObserver observer, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in Expiries.Where(entry => entry.Value <= now).Select(entry => entry.Key).ToList())
        {
            Expiries.Remove(expired);
        }

        Expiries[observer] = now + lifetime;
        await state.WriteStateAsync();
    }

    public async Task Unsubscribe(IDashboardObserver observer)
    {
        if (Expiries.Remove(observer))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<IDashboardObserver>> GetObservers()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(Expiries.Where(entry => entry.Value > now).Select(entry => entry.Key).ToImmutableArray());
    }
}
