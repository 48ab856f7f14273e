using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Push;

/// <summary>
/// Clients call <c>Subscribe(group)</c> and receive the group's snapshot; later changes arrive as
/// <c>update</c> messages. The connection joins the group before the snapshot is read, so no change
/// falls between the two; clients apply only versions newer than what they hold.
/// </summary>
public sealed class DashboardHub(IGrainFactory grains, PushRegistration push) : Hub
{
    public async Task<object> Subscribe(string group)
    {
        await push.WhenEffective.WaitAsync(Context.ConnectionAborted);
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion() ?? throw new HubException("登记册尚未加载，请稍后重试");
        if (group != UpdateKeys.City && !(UpdateKeys.TryParseCounty(group, out var code) && region.Contains(code)))
        {
            throw new HubException($"未知的订阅组 '{group}'");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return UpdateKeys.TryParseCounty(group, out var county)
            ? await grains.GetGrain<ICountyGrain>(county).GetSnapshot()
            : await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot();
    }

    public Task Unsubscribe(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
}
