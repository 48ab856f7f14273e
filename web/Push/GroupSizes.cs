using System.Collections.Concurrent;

namespace Dashboard.Web.Push;

/// <summary>How many of this node's connections are in each SignalR group: what a group send costs.</summary>
public sealed class GroupSizes
{
    private readonly ConcurrentDictionary<string, int> sizes = new(StringComparer.Ordinal);

    public int Of(string group) => sizes.GetValueOrDefault(group);

    public void Joined(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            sizes.AddOrUpdate(group, 1, (_, size) => size + 1);
        }
    }

    public void Left(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            sizes.AddOrUpdate(group, 0, (_, size) => Math.Max(0, size - 1));
        }
    }
}
