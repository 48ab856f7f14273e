using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>
/// Two silos and two web nodes as separate processes on one PostgreSQL database. One silo is killed
/// with SIGKILL in the middle of the load; senders retry what was not acknowledged, as the API asks.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterCrashTests(Postgres postgres, ITestOutputHelper output)
{
    private const int Senders = 8;
    private const int Batches = 400;
    private const int EventsPerBatch = 10;
    private const int Total = Batches * EventsPerBatch;
    private const int DemoOccupants = DemoRegistry.ElderlyCareOccupants;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task After_a_silo_is_killed_every_event_counts_once_and_every_web_node_shows_the_same_totals()
    {
        var settings = new Dictionary<string, string>
        {
            ["Dashboard:Cluster:ConnectionString"] = await postgres.Server.CreateDatabase(),
            ["Dashboard:Cluster:ClusterId"] = $"crash-{Guid.NewGuid():N}",
            ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        await using var silo1 = await StartSilo("silo-1", settings);
        await using var silo2 = await StartSilo("silo-2", settings);
        var webSettings = new Dictionary<string, string>(settings) { ["Dashboard:Mode"] = "cluster" };
        await using var web1 = await DashboardProcess.StartWeb("web-1", webSettings);
        await using var web2 = await DashboardProcess.StartWeb("web-2", webSettings);
        await Eventually.Until(async () => (await web1.GetCity()).ElderlyCare.Institutions == DemoRegistry.ElderlyCareInstitutions, Deadline);
        await using var wall1 = await Wall.Open(web1.BaseAddress!);
        await using var wall2 = await Wall.Open(web2.BaseAddress!);

        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentBag<(TimeSpan At, EventResult Result)>();
        var failures = new ConcurrentBag<TimeSpan>();
        var load = SendAll([web1, web2], Events.AdmissionBatches("cluster", Batches, EventsPerBatch), clock, acknowledged, failures);
        await Eventually.Until(() => acknowledged.Count >= Total / 4, Deadline);
        var killedAt = clock.Elapsed;
        await silo2.Kill();
        await load;

        var lastFailure = failures.Where(at => at > killedAt).DefaultIfEmpty(killedAt).Max();
        output.WriteLine($"killed silo-2 at {killedAt.TotalSeconds:0.0} s after {acknowledged.Count(entry => entry.At <= killedAt)} acknowledgements; " +
            $"{failures.Count} requests failed or were refused, the last {(lastFailure - killedAt).TotalSeconds:0.0} s after the kill; " +
            $"all {Total} events acknowledged {(clock.Elapsed - killedAt).TotalSeconds:0.0} s after the kill");

        Assert.Equal(Total, acknowledged.Count);
        Assert.Equal(Total, acknowledged.Count(entry => entry.Result.Status != EventStatus.Rejected));
        Assert.Equal(DemoOccupants + Total, (await web1.GetCity()).ElderlyCare.Occupants);
        Assert.Equal(DemoOccupants + Total, (await web2.GetCity()).ElderlyCare.Occupants);
        await Eventually.Until(() => wall1.Occupants == DemoOccupants + Total && wall2.Occupants == DemoOccupants + Total, Deadline);
    }

    /// <summary>A silo on ports of its own, named for the membership table.</summary>
    public static Task<DashboardProcess> StartSilo(string name, Dictionary<string, string> settings) =>
        DashboardProcess.StartSilo(name, new Dictionary<string, string>(settings)
        {
            ["Dashboard:Cluster:SiloName"] = name,
            ["Dashboard:Cluster:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Cluster:GatewayPort"] = FreePorts.Next().ToString(),
        });


    /// <summary>Each sender alternates web nodes and retries a batch until it is acknowledged.</summary>
    private static Task SendAll(
        DashboardProcess[] webs, object[][] batches, Stopwatch clock,
        ConcurrentBag<(TimeSpan, EventResult)> acknowledged, ConcurrentBag<TimeSpan> failures) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            var attempt = sender;
            foreach (var batch in batches.Where((_, index) => index % Senders == sender))
            {
                while (true)
                {
                    var web = webs[attempt++ % webs.Length];
                    try
                    {
                        var response = await web.Http.Post(batch);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var results = (await response.Content.ReadFromJsonAsync<IngestResultView>(Json.Options))!.Results;
                            results.ForEach(result => acknowledged.Add((clock.Elapsed, result)));
                            break;
                        }

                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                    }

                    failures.Add(clock.Elapsed);
                    await Task.Delay(RetryDelay);
                }
            }
        })));

    private sealed record IngestResultView(List<EventResult> Results);
}
