using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Testing;

/// <summary>
/// A few senders posting batches of new admissions one after another until stopped, as a steady feed
/// does. Every batch is kept, so that a test can send all of it again to a restored service.
/// </summary>
public sealed class SteadyIngest : IAsyncDisposable
{
    private const int Senders = 4;
    private const int EventsPerBatch = 10;

    private readonly ConcurrentBag<object[]> sent = [];
    private readonly ConcurrentBag<EventResult> acknowledged = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task senders;

    public SteadyIngest(string prefix, Func<int, HttpClient> senderClient) =>
        senders = Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() => Send(prefix, sender, senderClient(sender)))));

    /// <summary>Events acknowledged so far, each counted once.</summary>
    public int Acknowledged => acknowledged.Count;

    public async Task WaitForMore(int events)
    {
        var target = Acknowledged + events;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Acknowledged < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    /// <summary>Stops after the batches in flight are answered; returns how many events were acknowledged.</summary>
    public async Task<int> Stop()
    {
        await stop.CancelAsync();
        await senders;
        return Acknowledged;
    }

    /// <summary>Sends every batch again, one at a time, and returns each event's result.</summary>
    public async Task<List<EventResult>> SendAgain(HttpClient http)
    {
        var results = new List<EventResult>();
        foreach (var batch in sent)
        {
            results.AddRange(await Post(http, batch));
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await senders.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task Send(string prefix, int sender, HttpClient http)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        for (var number = 0; !stop.IsCancellationRequested; number++)
        {
            var batch = Enumerable.Range(0, EventsPerBatch)
                .Select(index => Events.Admitted($"{prefix}-{sender}-{number}-{index}", institutions[(number * EventsPerBatch + index) % institutions.Length]))
                .ToArray();
            var results = await Post(http, batch);
            sent.Add(batch);
            results.ForEach(acknowledged.Add);
        }
    }

    private static async Task<List<EventResult>> Post(HttpClient http, object[] batch)
    {
        var response = await http.Post(batch);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Answer>(Json.Options))!.Results;
    }

    private sealed record Answer(List<EventResult> Results);
}
