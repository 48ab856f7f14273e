using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>
/// What a load balancer and an operator read from <c>/health/ready</c> and a silo's management port.
/// In the PostgreSQL collection so that it does not run beside the other cluster tests on 2 cores.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadinessTests(Postgres postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Web_node_and_silo_turn_unready_naming_the_database_while_it_is_stopped_and_serve_again_when_it_is_back()
    {
        // A server of its own: stopping the collection's would fail the other tests' databases.
        await using var database = await PostgresServer.Start();
        var settings = ClusterSettings.For(await database.CreateDatabase(), "readiness");
        await using var silo = await ClusterCrashTests.StartSilo("silo", settings);
        await using var web = await DashboardProcess.StartWeb("web", ClusterSettings.Web(settings));
        Assert.Equal("Healthy", (await Readiness(web, HttpStatusCode.OK)).Check("database").Status);
        Assert.Equal("Healthy", (await Readiness(silo, HttpStatusCode.OK)).Check("silo").Status);

        await database.Pause();
        var webReport = await Readiness(web, HttpStatusCode.ServiceUnavailable);
        var siloReport = await Readiness(silo, HttpStatusCode.ServiceUnavailable);
        output.WriteLine($"database stopped: web {JsonSerializer.Serialize(webReport)}; silo {JsonSerializer.Serialize(siloReport)}");
        Assert.Equal(("Unhealthy", "PostgreSQL does not answer"), (webReport.Check("database").Status, webReport.Check("database").Reason));
        Assert.Equal(("Unhealthy", "PostgreSQL does not answer"), (siloReport.Check("database").Status, siloReport.Check("database").Reason));
        Assert.Equal("Healthy", webReport.Check("silos").Status);

        await database.Resume();
        await Readiness(web, HttpStatusCode.OK);
        await Readiness(silo, HttpStatusCode.OK);

        // Storage's pooled connections died with the server: a write may fail once per dead connection.
        // The sender is asked to retry (503), never told the server broke (500), and soon succeeds.
        var answers = new List<HttpStatusCode>();
        var admission = Events.Admitted($"ready-{Guid.NewGuid():N}");
        await Eventually.Until(async () =>
        {
            answers.Add((await web.Http.Post(admission)).StatusCode);
            return answers[^1] == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30));
        output.WriteLine($"ingest after the database came back: {string.Join(", ", answers.Select(answer => (int)answer))}");
        Assert.All(answers[..^1], answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer));
    }

    [Fact]
    public async Task Operators_see_a_silos_metrics_on_its_management_port_and_the_silos_in_the_orleans_dashboard_of_a_web_node()
    {
        var settings = ClusterSettings.For(await postgres.Server.CreateDatabase(), "metrics");
        settings["Dashboard:OrleansDashboard:Enabled"] = "true";
        await using var silo = await ClusterCrashTests.StartSilo("silo", settings);
        await using var web = await DashboardProcess.StartWeb("web", ClusterSettings.Web(settings));
        Assert.Equal(HttpStatusCode.OK, (await web.Http.Post(Events.Admitted($"metrics-{Guid.NewGuid():N}"))).StatusCode);

        using var scraper = new HttpClient { BaseAddress = silo.BaseAddress };
        var scrape = await scraper.GetStringAsync("/metrics");
        Assert.Contains("dashboard_storage_commit_size_bucket", scrape, StringComparison.Ordinal);
        Assert.Contains("orleans_storage_write_latency", scrape, StringComparison.Ordinal);
        Assert.Contains("service_name=\"dashboard-silo\"", scrape, StringComparison.Ordinal);

        var counters = await web.Http.GetFromJsonAsync<JsonElement>("/orleans/DashboardCounters");
        Assert.Equal(1, counters.GetProperty("hosts").GetArrayLength());
    }

    /// <summary>Polls until the node answers <paramref name="expected"/>, and returns what it said.</summary>
    private static async Task<ReadinessReport> Readiness(DashboardProcess node, HttpStatusCode expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await node.Http.GetAsync("/health/ready", timeout.Token);
            if (response.StatusCode == expected)
            {
                return (await response.Content.ReadFromJsonAsync<ReadinessReport>(Json.Options, timeout.Token))!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    private sealed record ReadinessReport(string Status, List<CheckReport> Checks)
    {
        public CheckReport Check(string name) => Checks.Single(check => check.Name == name);
    }

    private sealed record CheckReport(string Name, string Status, string? Reason);
}
