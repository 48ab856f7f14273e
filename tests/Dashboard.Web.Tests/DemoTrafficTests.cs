using System.Net.Http.Json;
using Dashboard.Contracts.Access;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

public sealed class DemoTrafficTests
{
    [Fact]
    public async Task Demo_traffic_moves_the_figures_through_the_ingest_api_with_an_ingest_key_of_its_own()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:DemoTraffic:EventsPerSecond"] = "50" });
        var before = (await app.GetCity()).Version;

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await app.GetCity()).Version == before && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var keys = (await app.Http.GetFromJsonAsync<Credential[]>("/api/v1/admin/keys", Json.Options))!;
        Assert.NotEqual(before, (await app.GetCity()).Version);
        Assert.Contains(keys, key => key is { Name: "演示流量", Role: Role.Ingest, IsActive: true });
    }
}
