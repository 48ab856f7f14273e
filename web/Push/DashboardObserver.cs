using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Push;
using Dashboard.Web.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Push;

/// <summary>
/// This web node's receiver of the silos' update batches: each update goes to the group named by its
/// key, and, cut down to what changed, to that key's group of changes (<see cref="ChangedEntries"/>).
/// </summary>
/// <remarks>
/// Groups are sent one after the other. A wall is usually in several groups (the city and a county);
/// sending them at once would make each connection's sends wait for each other on its write lock and
/// its buffers, which profiling showed as lock contention that grew with the number of connections.
/// Each group send only queues the message on every connection, so one after the other costs no delay.
/// </remarks>
public sealed class DashboardObserver(IHubContext<DashboardHub> hub, ScopedGroups scoped, ChangedEntries changes, PushMetrics metrics) : IDashboardObserver
{
    public const string UpdateMethod = "update";

    public async Task OnUpdates(ImmutableArray<DashboardUpdate> updates)
    {
        metrics.Sending(updates);
        foreach (var update in updates)
        {
            foreach (var group in UpdateKeys.GroupsOf(update.Key))
            {
                await hub.Clients.Group(group).SendAsync(UpdateMethod, update);
            }

            if (changes.Of(update) is { } changed)
            {
                await hub.Clients.Group(ChangedEntries.GroupFor(update.Key)).SendAsync(UpdateMethod, changed);
            }

            if (update.Data is AlertBoard board)
            {
                foreach (var (group, scope) in scoped.AlertGroups)
                {
                    await hub.Clients.Group(group).SendAsync(UpdateMethod, update with { Data = board.VisibleTo(scope) });
                }
            }
        }
    }
}
