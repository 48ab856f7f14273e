using System.Collections.Immutable;
using Dashboard.Contracts.Push;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Push;

/// <summary>This web node's receiver of the silos' update batches: each update goes to the group named by its key.</summary>
public sealed class DashboardObserver(IHubContext<DashboardHub> hub) : IDashboardObserver
{
    public const string UpdateMethod = "update";

    public Task OnUpdates(ImmutableArray<DashboardUpdate> updates) =>
        Task.WhenAll(updates.SelectMany(update => UpdateKeys.GroupsOf(update.Key).Select(group => hub.Clients.Group(group).SendAsync(UpdateMethod, update))));
}
