using System.Collections.Immutable;

namespace Dashboard.Contracts.Push;

/// <summary>
/// The directory of web-node observers. Web nodes renew their subscription periodically; an entry not
/// renewed within its lifetime expires, so a crashed web node stops receiving without anyone removing it.
/// </summary>
public interface IPushSubscriptionsGrain : IGrainWithIntegerKey
{
    Task Subscribe(IDashboardObserver observer, TimeSpan lifetime);

    Task Unsubscribe(IDashboardObserver observer);

    [AlwaysInterleave]
    Task<ImmutableArray<IDashboardObserver>> GetObservers();
}
