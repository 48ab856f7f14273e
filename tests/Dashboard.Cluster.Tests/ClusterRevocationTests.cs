using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>A key and a display token revoked through one web node stop working on the other within a minute, with the default settings.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterRevocationTests(Postgres postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_key_and_a_display_token_revoked_on_one_web_node_stop_working_on_the_other_within_a_minute()
    {
        var settings = new Dictionary<string, string>
        {
            ["Dashboard:Cluster:ConnectionString"] = await postgres.Server.CreateDatabase(),
            ["Dashboard:Cluster:ClusterId"] = $"revocation-{Guid.NewGuid():N}",
            ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        await using var silo = await ClusterCrashTests.StartSilo("silo", settings);
        var webSettings = new Dictionary<string, string>(settings) { ["Dashboard:Mode"] = "cluster" };
        await using var web1 = await DashboardProcess.StartWeb("web-1", webSettings);
        await using var web2 = await DashboardProcess.StartWeb("web-2", webSettings);

        var key = await web1.Http.IssueKey("县接口", "viewer");
        var keyId = (await web1.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/keys"))!
            .Single(listed => listed.GetProperty("name").GetString() == "县接口").GetProperty("id").GetString();
        using var source = TestCredentials.Client(web2.BaseAddress, key);
        await using var hub = TestCredentials.Hub(web2.BaseAddress!, key).Build();
        await hub.StartAsync();
        var hubClosed = new TaskCompletionSource();
        hub.Closed += _ => { hubClosed.TrySetResult(); return Task.CompletedTask; };
        var (displayId, url) = await web1.Http.IssueDisplay("二楼大屏");
        using var wall = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = web2.BaseAddress };
        await wall.GetAsync(url);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), ((await source.GetAsync("/api/v1/city")).StatusCode, (await wall.GetAsync("/api/v1/city")).StatusCode));

        var clock = Stopwatch.StartNew();
        (await web1.Http.DeleteAsync($"/api/v1/admin/keys/{keyId}")).EnsureSuccessStatusCode();
        (await web1.Http.DeleteAsync($"/api/v1/admin/displays/{displayId}")).EnsureSuccessStatusCode();
        var keyRefused = await RefusedWithin(source, clock);
        var wallRefused = await RefusedWithin(wall, clock);
        await hubClosed.Task.WaitAsync(Minute);
        var hubClosedAfter = clock.Elapsed;
        output.WriteLine($"on the other node: key refused after {keyRefused.TotalSeconds:0.0} s, wall after {wallRefused.TotalSeconds:0.0} s, hub connection closed after {hubClosedAfter.TotalSeconds:0.0} s");

        Assert.True(hubClosedAfter < Minute);
        Assert.Equal(HttpStatusCode.OK, (await web2.Http.GetAsync("/api/v1/city")).StatusCode);
    }

    private static async Task<TimeSpan> RefusedWithin(HttpClient client, Stopwatch clock)
    {
        while ((await client.GetAsync("/api/v1/city")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < Minute, "still accepted a minute after the revocation");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return clock.Elapsed;
    }
}
