using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.Testing;

namespace Dashboard.Bench;

/// <summary>
/// Concurrent senders post admissions with unique ids for a fixed time, each request durably
/// acknowledged before the next. Without a rate they send as fast as they are acknowledged (the most
/// the system carries); with one, requests are due on a fixed schedule and each latency is counted
/// from when its request was due, so a system that falls behind shows it (no coordinated omission).
/// Four phases side by side: batches spread over every institution, one event per request, batches
/// sent twice with duplicates inside (retries), and batches that each come from one institution (a
/// source's own feed). Every institution groups the events that arrive while its write is in flight
/// into its next write. Each phase also reports the server's processor time per request and per event
/// (every process of the system: the web node, and the silo in a cluster), which a busy or noisy
/// machine disturbs far less than throughput.
/// </summary>
public static class IngestScenario
{
    public static async Task<IReadOnlyList<Figures>> Run(SystemUnderTest system, BenchOptions options)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        var pace = options.Rate > 0 ? $" offering {options.Rate} events/s" : string.Empty;
        // Activations, JIT and the first database pages come before the clock starts.
        Console.WriteLine($"warm-up: {options.Senders} senders for {options.WarmUp.TotalSeconds:0} s, not counted");
        await RunPhase(system, institutions, new IngestPhase("warm-up", options.Batch, false, false), options with { Duration = options.WarmUp });
        var results = new List<Figures>();
        foreach (var phase in new IngestPhase[]
        {
            new($"batches of {options.Batch}", options.Batch, Retries: false, OneInstitution: false),
            new("one event per request", 1, Retries: false, OneInstitution: false),
            new($"batches of {options.Batch}, retried", options.Batch, Retries: true, OneInstitution: false),
            new($"batches of {options.Batch}, per source", options.Batch, Retries: false, OneInstitution: true),
        })
        {
            Console.WriteLine($"{phase.Name}: {options.Senders} senders{pace} for {options.Duration.TotalSeconds:0} s");
            results.Add(await RunPhase(system, institutions, phase, options));
        }

        return results;
    }

    private static async Task<Figures> RunPhase(SystemUnderTest system, string[] institutions, IngestPhase phase, BenchOptions options)
    {
        var http = system.Web.Http;
        var histogram = Figures.NewHistogram();
        long accepted = 0;
        long requests = 0;
        var processorBefore = system.ProcessorTime();
        var perSender = options.Rate > 0 ? TimeSpan.FromSeconds((double)phase.Batch * options.Senders / options.Rate) : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(sender => Task.Run(async () =>
        {
            var local = Figures.NewHistogram();
            var random = new Random(sender);
            for (var sequence = 0; clock.Elapsed < options.Duration; sequence++)
            {
                var due = clock.Elapsed;
                if (perSender > TimeSpan.Zero)
                {
                    due = perSender * (sequence + (double)sender / options.Senders);
                    if (due >= options.Duration)
                    {
                        break;
                    }

                    await OpenLoop.WaitUntil(clock, due);
                }

                var source = institutions[random.Next(institutions.Length)];
                var batch = Enumerable.Range(0, phase.Batch)
                    .Select(index => Events.Admitted($"{phase.Name}-{sender}-{sequence}-{index}",
                        phase.OneInstitution ? source : institutions[random.Next(institutions.Length)]))
                    .ToList();
                if (phase.Retries)
                {
                    batch.AddRange(batch.Take(phase.Batch / 10));
                }

                foreach (var attempt in Enumerable.Range(0, phase.Retries ? 2 : 1))
                {
                    var response = await http.Post([.. batch]);
                    Interlocked.Increment(ref requests);
                    local.RecordValue(Math.Max(1, (long)(clock.Elapsed - due).TotalMicroseconds));
                    due = clock.Elapsed;
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
        var processor = system.ProcessorTime() - processorBefore;
        var figures = Figures.Of(phase.Name, histogram, accepted, clock.Elapsed);
        figures.More["serverCpuUsPerRequest"] = Math.Round(processor.TotalMicroseconds / Math.Max(1, requests), 1);
        figures.More["serverCpuUsPerEvent"] = Math.Round(processor.TotalMicroseconds / Math.Max(1, accepted), 1);
        return figures;
    }

    private sealed record AcceptedCount(int Accepted);
}
