using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.Testing;
using HdrHistogram;

namespace Dashboard.Bench;

/// <summary>
/// Concurrent senders post admissions with unique ids for a fixed time, each request durably
/// acknowledged before the next. Three phases side by side: batches (the real path: one state write
/// per institution per batch), one event per request (one write per event), and batches sent twice
/// with duplicates inside (retries).
/// </summary>
public static class IngestScenario
{
    /// <summary>Activations, JIT and the first database pages come before the clock starts.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<Figures>> Run(SystemUnderTest system, BenchOptions options)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        Console.WriteLine($"warm-up: {options.Senders} senders for {WarmUp.TotalSeconds:0} s, not counted");
        await RunPhase(system.Web.Http, institutions, "warm-up", options.Batch, retries: false, options with { Duration = WarmUp });
        var results = new List<Figures>();
        foreach (var (phase, batch, retries) in new[]
        {
            ($"batches of {options.Batch}", options.Batch, false),
            ("one event per request", 1, false),
            ($"batches of {options.Batch}, retried", options.Batch, true),
        })
        {
            Console.WriteLine($"{phase}: {options.Senders} senders for {options.Duration.TotalSeconds:0} s");
            results.Add(await RunPhase(system.Web.Http, institutions, phase, batch, retries, options));
        }

        return results;
    }

    private static async Task<Figures> RunPhase(HttpClient http, string[] institutions, string phase, int batchSize, bool retries, BenchOptions options)
    {
        var histogram = Figures.NewHistogram();
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(sender => Task.Run(async () =>
        {
            var local = Figures.NewHistogram();
            var random = new Random(sender);
            for (var sequence = 0; clock.Elapsed < options.Duration; sequence++)
            {
                var batch = Enumerable.Range(0, batchSize)
                    .Select(index => Events.Admitted($"{phase}-{sender}-{sequence}-{index}", institutions[random.Next(institutions.Length)]))
                    .ToList();
                if (retries)
                {
                    batch.AddRange(batch.Take(batchSize / 10));
                }

                foreach (var attempt in Enumerable.Range(0, retries ? 2 : 1))
                {
                    var started = Stopwatch.GetTimestamp();
                    var response = await http.Post([.. batch]);
                    local.RecordValue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    response.EnsureSuccessStatusCode();
                    var result = await response.Content.ReadFromJsonAsync<AcceptedCount>(Json.Options);
                    Interlocked.Add(ref accepted, result!.Accepted);
                }
            }

            lock (histogram)
            {
                histogram.Add(local);
            }
        })));
        return Figures.Of(phase, histogram, accepted, clock.Elapsed);
    }

    private sealed record AcceptedCount(int Accepted);
}
