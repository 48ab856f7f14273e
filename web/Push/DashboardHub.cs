using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Alerts;
using Dashboard.Web.Hotlines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Push;

/// <summary>
/// Groups: <c>city</c>, <c>county:&lt;code&gt;</c>, <c>hotline</c> (every line; its updates are keyed
/// <c>hotline:&lt;code&gt;</c>), <c>hotline:&lt;code&gt;</c> and <c>alerts</c> (the alert board).
/// Clients call <c>Subscribe(group)</c> (or <c>SubscribeChanges(group)</c>) and receive the group's
/// snapshot; later changes arrive as <c>update</c> messages. The connection joins the group before the snapshot is read, so no change
/// falls between the two; clients apply only versions newer than what they hold.
/// Any viewer may connect; a county-limited caller may subscribe only to its own counties' groups, is
/// refused <c>city</c>, and gets <c>hotline</c> and <c>alerts</c> cut down to its counties
/// (<see cref="ScopedGroups"/>), so a county's duty officer works from the same console.
/// </summary>
[Authorize(Policy = Policies.View)]
public sealed class DashboardHub(IGrainFactory grains, PushRegistration push, ScopedGroups scoped, PushMetrics metrics, TimeProvider clock) : Hub
{
    /// <summary>Longer than any group name the region can have.</summary>
    private const int MaxGroupLength = 32;

    /// <summary>More than any page needs (the wall takes four), few enough that no connection costs much.</summary>
    public const int MaxGroupsPerConnection = 32;

    private const string GroupsKey = "dashboard:groups";

    /// <summary>The groups a connection subscribed to, for what is counted when it closes.</summary>
    public static IEnumerable<string> SubscribedGroups(HubCallerContext connection) =>
        connection.Items[GroupsKey] is Dictionary<string, IReadOnlyList<string>> groups ? groups.Keys : [];

    public Task<object> Subscribe(string group) => Join(group, changesOnly: false);

    /// <summary>
    /// As <see cref="Subscribe"/>, for a client that keeps what it was sent, as the pages do: the city's
    /// and a county's updates then carry only the counties or institutions that changed (<see cref="ChangedEntries"/>).
    /// </summary>
    public Task<object> SubscribeChanges(string group) => Join(group, changesOnly: true);

    private async Task<object> Join(string group, bool changesOnly)
    {
        if (string.IsNullOrEmpty(group) || group.Length > MaxGroupLength)
        {
            throw new HubException("订阅组无效");
        }

        await push.WhenEffective.WaitAsync(Context.ConnectionAborted);
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion() ?? throw new HubException("登记册尚未加载，请稍后重试");
        var scope = Context.User!.Scope();
        var (known, allowed) = group switch
        {
            UpdateKeys.City => (true, scope.IsCityWide),
            UpdateKeys.Hotlines or UpdateKeys.Alerts => (true, true),
            _ when UpdateKeys.TryParseCounty(group, out var county) => (region.Contains(county), scope.Allows(county)),
            _ when UpdateKeys.TryParseHotline(group, out var line) => (region.Contains(line), scope.Allows(line)),
            _ => (false, false),
        };
        if (!known)
        {
            throw new HubException("未知的订阅组");
        }

        if (!allowed)
        {
            throw new HubException("无权订阅此组：不在您的区县范围内");
        }

        var groups = (Dictionary<string, IReadOnlyList<string>>)(Context.Items[GroupsKey] ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        if (!groups.ContainsKey(group) && groups.Count >= MaxGroupsPerConnection)
        {
            throw new HubException($"每个连接最多订阅 {MaxGroupsPerConnection} 个组");
        }

        var members = scoped.Members(group, scope, region).Select(member => changesOnly ? ChangedEntries.GroupFor(member) : member).ToArray();
        if (groups.TryGetValue(group, out var before))
        {
            foreach (var member in before.Except(members))
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, member);
            }
        }
        else
        {
            metrics.Subscribed(group);
        }

        groups[group] = members;
        foreach (var member in members)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, member);
        }

        return group switch
        {
            UpdateKeys.City => await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot(),
            UpdateKeys.Alerts => (await grains.GetGrain<IAlertBoardGrain>(0).GetBoard()).VisibleTo(scope),
            UpdateKeys.Hotlines => new HotlineBoard(await HotlineEndpoints.Snapshots(grains, region, clock.GetUtcNow(), scope)),
            _ when UpdateKeys.TryParseCounty(group, out var code) => await grains.GetGrain<ICountyGrain>(code).GetSnapshot(),
            _ when UpdateKeys.TryParseHotline(group, out var code) => HotlineSnapshot.From((await grains.GetGrain<IHotlineGrain>(code).GetTotals())!, clock.GetUtcNow()),
            _ => throw new HubException("未知的订阅组"),
        };
    }

    public async Task Unsubscribe(string group)
    {
        if (Context.Items[GroupsKey] is Dictionary<string, IReadOnlyList<string>> groups && group is not null && groups.Remove(group, out var members))
        {
            metrics.Unsubscribed([group]);
            foreach (var member in members)
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, member);
            }
        }
    }
}
