using System.Collections.Concurrent;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;

namespace Dashboard.Web.Push;

/// <summary>
/// The city-wide groups as a county-limited caller receives them. Its <c>hotline</c> is the groups of
/// its own lines, whose updates it would get from <c>hotline</c> anyway. Its <c>alerts</c> is a group
/// per set of counties, to which this node sends the board cut down to those counties under the same
/// key and version: the page cannot tell it from the whole board. Sets of counties are few (a subset
/// of the region's), so the groups are kept for the node's life.
/// </summary>
public sealed class ScopedGroups
{
    private const string AlertsPrefix = UpdateKeys.Alerts + "@";

    private readonly ConcurrentDictionary<string, AccessScope> alertGroups = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, AccessScope>> AlertGroups => alertGroups;

    /// <summary>The SignalR groups a caller with this scope joins for a group it subscribes to.</summary>
    public IReadOnlyList<string> Members(string group, AccessScope scope, Region region) => (group, scope.IsCityWide) switch
    {
        (_, true) => [group],
        (UpdateKeys.Hotlines, false) => [.. region.ScopeCodes.Where(scope.Allows).Select(UpdateKeys.Hotline)],
        (UpdateKeys.Alerts, false) => [AlertsGroup(scope)],
        _ => [group],
    };

    private string AlertsGroup(AccessScope scope)
    {
        var name = AlertsPrefix + string.Join(",", scope.Counties.Order(StringComparer.Ordinal));
        alertGroups.TryAdd(name, scope);
        return name;
    }
}
