using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>
/// The README's "Run a cluster" commands, run as an operator would run them. In the PostgreSQL
/// collection (without using its server) so that it does not run beside the other cluster tests.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LocalClusterScriptTests(ITestOutputHelper output)
{
    private const int DemoOccupants = DemoRegistry.ElderlyCareOccupants;

    [Fact]
    public async Task Up_starts_a_cluster_that_a_rolling_restart_under_load_keeps_serving_exactly_and_down_stops_it()
    {
        // Inside a private folder (a temporary folder is created with mode 0700), as a checkout in root's
        // home is: PostgreSQL, run as its own user, cannot reach it and keeps its data elsewhere.
        var home = Directory.CreateTempSubdirectory("local-cluster-home-").FullName;
        var folder = Path.Combine(home, "checkout", ".local-cluster");
        var postgresPort = FreePorts.Next().ToString();
        var up = string.Empty;
        try
        {
            up = await Run("up", folder, postgresPort);
            using var web1 = TestCredentials.Client(new Uri("http://127.0.0.1:5001"));
            using var web2 = TestCredentials.Client(new Uri("http://127.0.0.1:5002"));
            (await web1.Post(Events.Admitted("local-cluster-1"))).EnsureSuccessStatusCode();
            var city = await web2.GetFromJsonAsync<CitySnapshot>("/api/v1/city", Json.Options);
            var status = await Run("status", folder, postgresPort);

            await using var wall1 = await Wall.Open(web1.BaseAddress!);
            await using var wall2 = await Wall.Open(web2.BaseAddress!);
            await using var load = new SteadyIngest("rolling", web1, web2);
            await load.WaitForMore(200);
            var restartBegan = DateTime.UtcNow;
            var restart = await Run("restart", folder, postgresPort);
            await load.WaitForMore(200);
            var total = await load.Stop();
            var expected = DemoOccupants + 1 + total;
            await Eventually.Until(() => wall1.Occupants == expected && wall2.Occupants == expected, TimeSpan.FromSeconds(10));
            output.WriteLine($"{restart}{total} events acknowledged, {load.Retries} requests sent again; " +
                $"the walls went at most {wall1.LongestGap.TotalSeconds:0.0} s and {wall2.LongestGap.TotalSeconds:0.0} s without a change " +
                $"(until {wall1.LongestGapEnded:HH:mm:ss.f} and {wall2.LongestGapEnded:HH:mm:ss.f} UTC; the restart began at {restartBegan:HH:mm:ss.f})");
            var again = await load.SendAgain(web2);
            var down = await Run("down", folder, postgresPort);

            Assert.Equal(DemoOccupants + 1, city!.ElderlyCare.Occupants);
            Assert.Equal(["restarted silo-1", "restarted silo-2", "restarted web-1", "restarted web-2"],
                Lines(restart).Where(line => line.StartsWith("restarted", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(" in ", StringComparison.Ordinal)]));
            Assert.All(again, result => Assert.Equal(EventStatus.Duplicate, result.Status));
            // A leaving silo stalls the roll-ups it was part of for up to two call timeouts (5 s each):
            // reports queued at its deactivating county grains wait, then time out and are retried.
            Assert.InRange(wall1.LongestGap, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.InRange(wall2.LongestGap, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.Equal(["postgres", "silo", "silo", "web", "web"], Lines(status).Select(line => line.Split(' ')[0]));
            Assert.All(Lines(status), line => Assert.EndsWith("running", line));
            Assert.All(Lines(down), line => Assert.EndsWith("stopped", line));
            Assert.Contains("http://127.0.0.1:5001", up);
            if (Environment.UserName == "root")
            {
                Assert.Contains($"PostgreSQL cannot reach {folder} (a private home?); its data is in ", up);
            }
        }
        finally
        {
            await Run("down", folder, postgresPort);
            if (Regex.Match(up, "its data is in (/.+)") is { Success: true } moved)
            {
                Directory.Delete(moved.Groups[1].Value.Trim(), recursive: true);
            }
        }
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static Task<string> Run(string command, string folder, string postgresPort) =>
        Script.Succeed("deploy/local-cluster", [command], new Dictionary<string, string>
        {
            ["LOCAL_CLUSTER_DIR"] = folder,
            ["LOCAL_CLUSTER_PG_PORT"] = postgresPort,
            ["Dashboard__Auth__BootstrapKey"] = TestCredentials.BootstrapKey,
        });
}
