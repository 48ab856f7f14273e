using Dashboard.Testing;
using Dashboard.Web.Push;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>
/// Silos come and go (a rolling restart, a crash); the web nodes in front of them and the walls on
/// those nodes must outlast them. In the PostgreSQL collection so that it does not run beside the
/// other cluster tests on 2 cores.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloOutageTests(Postgres postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_web_node_keeps_its_walls_open_while_no_silo_answers_its_credential_checks_and_serves_them_when_a_silo_is_back()
    {
        var settings = ClusterSettings.For(await postgres.Server.CreateDatabase(), "outage");
        // A silo that comes back on the same address replaces its killed predecessor at once; on
        // another, it would wait for the predecessor to be voted dead, and no silo is left to vote.
        var siloSettings = new Dictionary<string, string>(settings)
        {
            ["Dashboard:Cluster:SiloName"] = "silo",
            ["Dashboard:Cluster:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Cluster:GatewayPort"] = FreePorts.Next().ToString(),
        };
        var silo = await DashboardProcess.StartSilo("silo", siloSettings);
        await using var web = await DashboardProcess.StartWeb("web", new Dictionary<string, string>(ClusterSettings.Web(settings))
        {
            // Every check of the open connections asks the grains.
            ["Dashboard:Auth:ConnectionCheck"] = "00:00:00.5",
            ["Dashboard:Auth:RevocationCheck"] = "00:00:00.2",
        });
        await using var wall = await Wall.Open(web.BaseAddress!);

        await silo.Kill();
        await silo.DisposeAsync();
        // Until the guard has run into the absence (the line names it, whatever came of it).
        await Eventually.Until(() => web.Output.Any(line => line.Contains(nameof(ConnectionGuard), StringComparison.Ordinal)), Deadline);
        await using var successor = await DashboardProcess.StartSilo("silo", siloSettings);

        // Sent again until acknowledged, as the API asks; the same event counts once.
        var admission = Events.Admitted($"outage-{Guid.NewGuid():N}");
        var answers = new List<int>();
        await Eventually.Until(async () =>
        {
            answers.Add((int)(await web.Http.Post(admission)).StatusCode);
            return answers[^1] == 200;
        }, Deadline);
        output.WriteLine($"ingest once a silo was back: {string.Join(", ", answers)}");
        await Eventually.Until(() => wall.Occupants == DemoRegistry.ElderlyCareOccupants + 1, Deadline);
        Assert.Equal(0, wall.TimesLost);
        Assert.Contains(web.Output, line => line.Contains("could not be checked; they stay open", StringComparison.Ordinal));
    }
}
