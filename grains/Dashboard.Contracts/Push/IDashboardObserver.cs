using System.Collections.Immutable;

namespace Dashboard.Contracts.Push;

/// <summary>Implemented by every web node: receives coalesced batches of updates from each silo.</summary>
public interface IDashboardObserver : IGrainObserver
{
    [OneWay]
    Task OnUpdates(ImmutableArray<DashboardUpdate> updates);
}
