using System.Collections.Immutable;
using Dashboard.Contracts.Push;

namespace Dashboard.Web.Push;

/// <summary>This web node's receiver of the silos' update batches, which it hands to <see cref="PacedFanOut"/>.</summary>
public sealed class DashboardObserver(PacedFanOut fanOut) : IDashboardObserver
{
    public Task OnUpdates(ImmutableArray<DashboardUpdate> updates)
    {
        fanOut.Enqueue(updates);
        return Task.CompletedTask;
    }
}
