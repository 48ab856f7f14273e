using System.Collections.Immutable;
using Dashboard.Contracts.Push;

namespace Dashboard.Grains.Push;

/// <summary>
/// In memory on purpose: after a restart every web node subscribes again within its renewal period,
/// so there is nothing worth storing.
/// </summary>
public sealed class PushSubscriptionsGrain(TimeProvider clock) : Grain, IPushSubscriptionsGrain
{
    private readonly Dictionary<IDashboardObserver, DateTimeOffset> expiries = [];

    public Task Subscribe(IDashboardObserver observer, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in expiries.Where(entry => entry.Value <= now).Select(entry => entry.Key).ToList())
        {
            expiries.Remove(expired);
        }

        expiries[observer] = now + lifetime;
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IDashboardObserver observer)
    {
        expiries.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<IDashboardObserver>> GetObservers()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(expiries.Where(entry => entry.Value > now).Select(entry => entry.Key).ToImmutableArray());
    }
}
