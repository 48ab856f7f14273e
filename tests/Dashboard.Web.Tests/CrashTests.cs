using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Web.Tests;

public sealed class CrashTests
{
    private const int Senders = 8;
    private const int Batches = 400;
    private const int EventsPerBatch = 10;
    private const int Total = Batches * EventsPerBatch;
    private const int DemoOccupants = DemoRegistry.ElderlyCareOccupants;

    [Fact]
    public async Task After_a_kill_during_load_every_event_is_counted_exactly_once_once_retried()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-crash-").FullName;
        var batches = Events.AdmissionBatches("crash", Batches, EventsPerBatch);

        var beforeKill = new ConcurrentBag<EventResult>();
        await using (var first = await DashboardProcess.StartEmbedded("embedded", folder))
        {
            var load = SendAll(first.Http, batches, beforeKill);
            await WaitUntil(() => beforeKill.Count >= Total / 4);
            await first.Kill();
            await load;
        }

        var acknowledged = beforeKill.Count(result => result.Status == EventStatus.Accepted);
        await using var second = await DashboardProcess.StartEmbedded("embedded", folder);
        var survived = (await second.GetCity()).ElderlyCare.Occupants - DemoOccupants;
        var retried = new ConcurrentBag<EventResult>();
        await SendAll(second.Http, batches, retried);

        Assert.InRange(acknowledged, 1, Total - 1);
        Assert.True(survived >= acknowledged, $"{acknowledged} events were acknowledged but only {survived} survived the kill");
        Assert.Equal(Total, retried.Count(result => result.Status != EventStatus.Rejected));
        Assert.Equal(DemoOccupants + Total, (await second.GetCity()).ElderlyCare.Occupants);
    }

    [Fact]
    public async Task Live_updates_flow_again_after_a_kill()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-crash-").FullName;
        await using (var first = await DashboardProcess.StartEmbedded("embedded", folder))
        {
            await first.Kill();
        }

        await using var second = await DashboardProcess.StartEmbedded("embedded", folder);
        await using var connection = TestCredentials.Hub(second.BaseAddress!).Build();
        var updates = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", "city");
        (await second.Http.Post(Events.Admitted("after-kill-1"))).EnsureSuccessStatusCode();

        var update = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DemoOccupants + 1, update.GetProperty("data").GetProperty("elderlyCare").GetProperty("occupants").GetInt32());
    }


    /// <summary>Concurrent senders; a sender stops at its first failed request, as the server is gone.</summary>
    private static Task SendAll(HttpClient http, object[][] batches, ConcurrentBag<EventResult> results) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            foreach (var batch in batches.Where((_, index) => index % Senders == sender))
            {
                try
                {
                    var response = await http.Post(batch);
                    foreach (var result in (await response.Content.ReadFromJsonAsync<IngestResult>(Json.Options))!.Results)
                    {
                        results.Add(result);
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })));

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), timeout.Token);
        }
    }
}
