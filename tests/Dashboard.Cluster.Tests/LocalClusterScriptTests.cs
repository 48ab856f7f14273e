using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.Contracts.City;
using Dashboard.Testing;

namespace Dashboard.Cluster.Tests;

/// <summary>The README's "Run a cluster" commands, run as an operator would run them.</summary>
public sealed class LocalClusterScriptTests
{
    [Fact]
    public async Task Up_starts_a_working_cluster_status_lists_it_and_down_stops_everything()
    {
        var folder = Directory.CreateTempSubdirectory("local-cluster-").FullName;
        var postgresPort = FreePorts.Next().ToString();
        try
        {
            var up = await Run("up", folder, postgresPort);
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
        }
        finally
        {
            await Run("down", folder, postgresPort);
        }
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<string> Run(string command, string folder, string postgresPort)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", "local-cluster"));
        start.ArgumentList.Add(command);
        start.Environment["LOCAL_CLUSTER_DIR"] = folder;
        start.Environment["LOCAL_CLUSTER_PG_PORT"] = postgresPort;
        start.Environment["Dashboard__Auth__BootstrapKey"] = TestCredentials.BootstrapKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(6));
        Assert.True(process.ExitCode == 0, $"local-cluster {command} failed: {await output}{await error}");
        return await output;
    }
}
