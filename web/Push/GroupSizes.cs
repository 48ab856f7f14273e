namespace Dashboard.Web.Push;

/// <summary>
/// How many of this node's connections are in each SignalR group: what a group send costs. Kept per
/// connection as a set, so overlapping subscriptions count once, and a subscription that finishes
/// after its connection closed (the hub does not wait for calls in flight) is not counted.
/// </summary>
public sealed class GroupSizes
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> connections = new(StringComparer.Ordinal);

    public int Of(string group)
    {
        lock (gate)
        {
            return sizes.GetValueOrDefault(group);
        }
    }

    /// <summary>The groups a connection is in now; ignored once <paramref name="closed"/> is cancelled.</summary>
    public void Set(string connectionId, IEnumerable<string> groups, CancellationToken closed)
    {
        var now = groups.Distinct(StringComparer.Ordinal).ToArray();
        lock (gate)
        {
            if (closed.IsCancellationRequested)
            {
                return;
            }

            Count(connections.GetValueOrDefault(connectionId) ?? [], -1);
            Count(now, 1);
            connections[connectionId] = now;
        }
    }

    public void Close(string connectionId)
    {
        lock (gate)
        {
            if (connections.Remove(connectionId, out var groups))
            {
                Count(groups, -1);
            }
        }
    }

    private void Count(string[] groups, int change)
    {
        foreach (var group in groups)
        {
            var size = sizes.GetValueOrDefault(group) + change;
            if (size > 0)
            {
                sizes[group] = size;
            }
            else
            {
                sizes.Remove(group);
            }
        }
    }
}
