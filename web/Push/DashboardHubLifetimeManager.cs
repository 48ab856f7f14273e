using System.Collections.Concurrent;
using Dashboard.Grains.Push;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// SignalR's own bookkeeping of connections and groups, with group sends that do not wait on a
/// connection that takes nothing. A group send waits until every connection in the group has taken
/// the message into its buffers; a hung tab or a dead network fills them (the kernel alone holds
/// megabytes) and would then hold back every later update of every wall on this node. A connection
/// that has not taken a message within <see cref="PushOptions.SendTimeout"/> is closed instead; its
/// page reconnects and takes a snapshot.
/// </summary>
public sealed partial class DashboardHubLifetimeManager(
    ILogger<DefaultHubLifetimeManager<DashboardHub>> signalRLogger,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<DashboardHubLifetimeManager> logger) : DefaultHubLifetimeManager<DashboardHub>(signalRLogger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> groups = new(StringComparer.Ordinal);

    /// <summary>How many of this node's connections are in a group: what a send to it costs.</summary>
    public int SizeOf(string group) => groups.TryGetValue(group, out var members) ? members.Count : 0;

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        Forget(connection);
        return base.OnDisconnectedAsync(connection);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (connections.TryGetValue(connectionId, out var connection))
        {
            groups.GetOrAdd(groupName, _ => new(StringComparer.Ordinal))[connectionId] = connection;
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (groups.TryGetValue(groupName, out var members))
        {
            members.TryRemove(connectionId, out _);
        }
    }

    /// <summary>The message is serialized once per protocol, as SignalR's own group send does.</summary>
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (!groups.TryGetValue(groupName, out var members))
        {
            return Task.CompletedTask;
        }

        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        List<(HubConnectionContext Connection, Task Write)>? waiting = null;
        // Enumerated, not .Values: that would copy the group under all of the dictionary's locks on every send.
        foreach (var (_, connection) in members)
        {
            var write = connection.WriteAsync(message, cancellationToken);
            if (!write.IsCompletedSuccessfully)
            {
                (waiting ??= []).Add((connection, write.AsTask()));
            }
        }

        return waiting is null ? Task.CompletedTask : CloseSlow(groupName, waiting);
    }

    /// <summary>One timer for the whole group: usually every write has completed at once and none is needed.</summary>
    private async Task CloseSlow(string group, List<(HubConnectionContext Connection, Task Write)> waiting)
    {
        var timeout = options.Value.SendTimeout;
        try
        {
            await Task.WhenAll(waiting.Select(entry => entry.Write)).WaitAsync(timeout, clock);
        }
        catch (TimeoutException)
        {
            foreach (var (connection, _) in waiting.Where(entry => !entry.Write.IsCompleted))
            {
                LogSlowConnection(logger, connection.ConnectionId, group, timeout);
                // At once, not when it has closed: the next group's send must not wait for it again.
                Forget(connection);
                connection.Abort();
            }
        }
    }

    private void Forget(HubConnectionContext connection)
    {
        connections.TryRemove(connection.ConnectionId, out _);
        foreach (var (_, members) in groups)
        {
            members.TryRemove(connection.ConnectionId, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} took no update of {Group} for {Timeout}; it is closed and its page reconnects")]
    private static partial void LogSlowConnection(ILogger logger, string connectionId, string group, TimeSpan timeout);
}
