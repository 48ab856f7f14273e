using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Hotlines;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Push;

/// <summary>
/// Groups: <c>city</c>, <c>county:&lt;code&gt;</c>, <c>hotline</c> (every line; its updates are keyed
/// <c>hotline:&lt;code&gt;</c>), <c>hotline:&lt;code&gt;</c> and <c>alerts</c> (the alert board).
/// Clients call <c>Subscribe(group)</c> and receive the group's snapshot; later changes arrive as
/// <c>update</c> messages. The connection joins the group before the snapshot is read, so no change
/// falls between the two; clients apply only versions newer than what they hold.
/// </summary>
public sealed class DashboardHub(IGrainFactory grains, PushRegistration push, TimeProvider clock) : Hub
{
    public async Task<object> Subscribe(string group)
    {
        await push.WhenEffective.WaitAsync(Context.ConnectionAborted);
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion() ?? throw new HubException("登记册尚未加载，请稍后重试");
        var known = group is UpdateKeys.City or UpdateKeys.Hotlines or UpdateKeys.Alerts
            || (UpdateKeys.TryParseCounty(group, out var county) && region.Contains(county))
            || (UpdateKeys.TryParseHotline(group, out var line) && region.Contains(line));
        if (!known)
        {
            throw new HubException($"未知的订阅组 '{group}'");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return group switch
        {
            UpdateKeys.City => await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot(),
            UpdateKeys.Alerts => await grains.GetGrain<IAlertBoardGrain>(0).GetBoard(),
            UpdateKeys.Hotlines => new HotlineBoard(await HotlineEndpoints.Snapshots(grains, region, clock.GetUtcNow())),
            _ when UpdateKeys.TryParseCounty(group, out var code) => await grains.GetGrain<ICountyGrain>(code).GetSnapshot(),
            _ when UpdateKeys.TryParseHotline(group, out var code) => HotlineSnapshot.From((await grains.GetGrain<IHotlineGrain>(code).GetTotals())!, clock.GetUtcNow()),
            _ => throw new HubException($"未知的订阅组 '{group}'"),
        };
    }

    public Task Unsubscribe(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
}
