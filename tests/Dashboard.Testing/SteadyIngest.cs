using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Testing;

/// <summary>
/// A few senders posting batches of new admissions one after another until stopped, as a steady feed
/// does. A batch that fails (the node is restarting, or answers 503) is sent again to the next node,
/// as the API asks, until it is acknowledged. Every batch is kept, so that a test can send all of it
/// again to a restored service.
/// </summary>
public sealed class SteadyIngest : IAsyncDisposable
{
    private const int Senders = 4;
    private const int EventsPerBatch = 10;
    private const int ResendBatchSize = 500;

    /// <summary>Longer than any restart or failover the tests cause; a node that never comes back fails the test.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentBag<object[]> sent = [];
    private readonly ConcurrentBag<EventResult> acknowledged = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task senders;

    private readonly HttpClient[] nodes;
    private int retries;

    public SteadyIngest(string prefix, params HttpClient[] nodes)
    {
        this.nodes = nodes;
        senders = Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() => Send(prefix, sender))));
    }

    /// <summary>Requests that failed or were throttled and were sent again.</summary>
    public int Retries => retries;

    /// <summary>Events acknowledged so far, each counted once.</summary>
    public int Acknowledged => acknowledged.Count;

    public async Task WaitForMore(int events)
    {
        var target = Acknowledged + events;
        await Eventually.Until(() => Acknowledged >= target, TimeSpan.FromSeconds(60));
    }

    /// <summary>Stops after the batches in flight are answered; returns how many events were acknowledged.</summary>
    public async Task<int> Stop()
    {
        await stop.CancelAsync();
        await senders;
        return Acknowledged;
    }

    /// <summary>
    /// What a service restored from a copy holds of this feed: the admissions it shows, and, once
    /// everything is sent again, how many it recognised, how many it counted, and the admissions then.
    /// </summary>
    public async Task<RestoredFeed> CheckRestored(DashboardProcess restored)
    {
        var kept = (await restored.GetCity()).ElderlyCare.Occupants - DemoRegistry.ElderlyCareOccupants;
        var resent = await SendAgain(restored.Http);
        var final = (await restored.GetCity()).ElderlyCare.Occupants - DemoRegistry.ElderlyCareOccupants;
        return new RestoredFeed(kept, resent.Count(result => result.Status == EventStatus.Duplicate), resent.Count(result => result.Status == EventStatus.Accepted), final);
    }

    /// <summary>Sends every event again, in large batches one at a time, and returns each event's result.</summary>
    public async Task<List<EventResult>> SendAgain(HttpClient http)
    {
        var results = new List<EventResult>();
        foreach (var batch in sent.SelectMany(batch => batch).Chunk(ResendBatchSize))
        {
            results.AddRange(await Deliver(batch, () => http));
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await senders.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task Send(string prefix, int sender)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        var attempt = sender;
        for (var number = 0; !stop.IsCancellationRequested; number++)
        {
            var batch = Enumerable.Range(0, EventsPerBatch)
                .Select(index => Events.Admitted($"{prefix}-{sender}-{number}-{index}", institutions[(number * EventsPerBatch + index) % institutions.Length]))
                .ToArray();

            var results = await Deliver(batch, () => nodes[attempt++ % nodes.Length]);
            sent.Add(batch);
            results.ForEach(acknowledged.Add);
        }
    }

    /// <summary>
    /// Sent until acknowledged, even after a stop (an unanswered batch may have counted): again to the
    /// next node when one is unreachable or answers 503, and after Retry-After when throttled (429).
    /// </summary>
    private async Task<List<EventResult>> Deliver(object[] batch, Func<HttpClient> node)
    {
        var giveUp = DateTimeOffset.UtcNow + GiveUpAfter;
        while (true)
        {
            if (DateTimeOffset.UtcNow > giveUp)
            {
                throw new TimeoutException($"a batch was not acknowledged within {GiveUpAfter.TotalSeconds:0} s of retries");
            }

            TimeSpan wait;
            try
            {
                using var response = await node().Post(batch);
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200);
                }
                else
                {
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<Answer>(Json.Options))!.Results;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException { StatusCode: null } or TaskCanceledException)
            {
                wait = TimeSpan.FromMilliseconds(200);
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(wait);
        }
    }

    private sealed record Answer(List<EventResult> Results);
}

/// <param name="Kept">Admissions of the feed the restored copy shows.</param>
/// <param name="Duplicates">Events it recognised when everything was sent again.</param>
/// <param name="Accepted">Events it counted then.</param>
/// <param name="Final">Admissions of the feed it shows afterwards.</param>
public sealed record RestoredFeed(int Kept, int Duplicates, int Accepted, int Final);
