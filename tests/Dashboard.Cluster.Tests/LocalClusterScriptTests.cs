using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Contracts.City;
using Dashboard.Testing;

namespace Dashboard.Cluster.Tests;

/// <summary>The README's "Run a cluster" commands, run as an operator would run them.</summary>
public sealed class LocalClusterScriptTests
{
    [Fact]
    public async Task Up_starts_a_working_cluster_status_lists_it_and_down_stops_everything()
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
            var down = await Run("down", folder, postgresPort);

            Assert.Equal(3409 + 1, city!.ElderlyCare.Occupants);
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
