using System.Net.Http.Json;
using Dashboard.Contracts.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Testing;

/// <summary>
/// A real hotline surge on the embedded product. The demo lines have no history, so the expected rate
/// is the floor and six calls in an hour are a surge; with <see cref="FireAtOnce"/> settings there is no pending
/// period, and running the rules (what the heartbeat does each minute) fires the alert at once.
/// </summary>
public static class AlertSurge
{
    public static Dictionary<string, string?> FireAtOnce() => new() { ["Dashboard:Alerts:Spike:PendingFor"] = "00:00:00" };

    public static async Task<AlertView> Fire(DashboardApp app, string county)
    {
        var calls = Enumerable.Range(0, 6).Select(index => Events.InboundCall($"surge-{county}-{index}", county)).ToArray();
        (await app.Http.Post(calls)).EnsureSuccessStatusCode();
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertBoardGrain>(0).Evaluate();
        var board = (await app.Http.GetFromJsonAsync<AlertBoard>("/api/v1/alerts", Json.Options))!;
        return board.Alerts.Single(alert => alert.State == AlertState.Firing && alert.Scope == county);
    }
}
