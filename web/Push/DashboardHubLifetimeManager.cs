using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// SignalR's own bookkeeping of connections and groups, with group sends that never wait for a
/// connection. SignalR's group send waits until every connection in the group has taken the message
/// into its buffers; a hung tab or a dead network fills them (the kernel alone holds megabytes), and
/// every later update of every wall on this node would then wait for it. Here the send returns once
/// the message is queued everywhere; a connection whose write is still pending
/// <see cref="FanOutOptions.SendTimeout"/> later is closed, and its page reconnects and takes a snapshot.
/// Only group sends, the fan-out's, work this way; a send to one connection is SignalR's.
/// </summary>
public sealed partial class DashboardHubLifetimeManager(
    ILogger<DefaultHubLifetimeManager<DashboardHub>> signalRLogger,
    IOptions<FanOutOptions> options,
    TimeProvider clock,
    ILogger<DashboardHubLifetimeManager> logger) : DefaultHubLifetimeManager<DashboardHub>(signalRLogger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> groups = new(StringComparer.Ordinal);

    /// <summary>Connections with a write pending: one watch each, however many sends queue behind it.</summary>
    private readonly ConcurrentDictionary<string, byte> watched = new(StringComparer.Ordinal);

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
            var members = groups.GetOrAdd(groupName, _ => new(StringComparer.Ordinal));
            members[connectionId] = connection;
            // A subscription can finish after its connection closed (SignalR does not wait for calls in
            // flight); Forget removes the connection before it walks the groups, so one of the two sees the other.
            if (!connections.ContainsKey(connectionId))
            {
                members.TryRemove(connectionId, out _);
            }
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
        // Enumerated, not .Values: that would copy the group under all of the dictionary's locks on every send.
        foreach (var (_, connection) in members)
        {
            var write = connection.WriteAsync(message, cancellationToken);
            if (!write.IsCompletedSuccessfully && watched.TryAdd(connection.ConnectionId, 0))
            {
                _ = CloseIfSlow(connection, groupName, write.AsTask());
            }
        }

        return Task.CompletedTask;
    }

    private async Task CloseIfSlow(HubConnectionContext connection, string group, Task write)
    {
        var timeout = options.Value.SendTimeout;
        // A failed write needs nothing more: SignalR closes the connection itself.
        await write.WaitAsync(timeout, clock).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        watched.TryRemove(connection.ConnectionId, out _);
        if (!write.IsCompleted)
        {
            LogSlowConnection(logger, connection.ConnectionId, group, timeout);
            Forget(connection);
            connection.Abort();
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
