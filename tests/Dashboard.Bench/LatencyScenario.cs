using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Bench;

/// <summary>
/// Event to screen: SignalR clients subscribe to the city (half of them also to a county), one sender
/// posts admissions at a steady rate in batches of ten, each batch acknowledged before the next, and
/// each client measures the time from a batch's send to the first update that contains it. Side by
/// side: a client that polls the REST snapshot every 5 s, as a Grafana-style dashboard would. As
/// <c>fanout</c> it runs with many clients for long: the server's memory per connection, whether it
/// stays flat, and its processor use.
/// </summary>
public static class LatencyScenario
{
    private const int EventsPerBatch = 10;
    private const string County = "441802";
    private const int ConnectingAtOnce = 50;
    private const double Megabyte = 1024 * 1024;

    /// <summary>Readings of the server's memory during the run, to show its course and not just two ends.</summary>
    private const int MemorySamples = 10;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<Figures>> Run(SystemUnderTest system, BenchOptions options)
    {
        var institutions = DemoRegistry.ElderlyCareIds().Where(id => id.StartsWith(County, StringComparison.Ordinal)).ToArray();
        var start = (await system.Web.GetCity()).ElderlyCare.Occupants;
        var sent = new ConcurrentDictionary<int, long>();
        var push = Figures.NewHistogram();
        var perClient = new List<HdrHistogram.HistogramBase>();
        var poll = Figures.NewHistogram();

        Console.WriteLine($"{options.Clients} SignalR clients, {options.Rate} events/s for {options.Duration.TotalSeconds:0} s");
        await Task.Delay(Settle);
        var idle = system.Web.Usage();
        var clients = new List<HubConnection>();
        foreach (var group in Enumerable.Range(0, options.Clients).Chunk(ConnectingAtOnce))
        {
            var histograms = group.Select(_ => (HdrHistogram.HistogramBase)Figures.NewHistogram()).ToArray();
            perClient.AddRange(histograms);
            clients.AddRange(await Task.WhenAll(group.Select((index, position) => Connect(system.Web.BaseAddress!, index % 2 == 0, start, sent, histograms[position]))));
        }

        await Task.Delay(Settle);
        var connected = system.Web.Usage();
        Console.WriteLine($"server {idle.WorkingSetBytes / Megabyte:0} MB idle, {connected.WorkingSetBytes / Megabyte:0} MB with {clients.Count} connections");
        using var stop = new CancellationTokenSource();
        var poller = Poll(system.Web, start, sent, poll, stop.Token);

        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds((double)EventsPerBatch / options.Rate);
        var sampleEvery = options.Duration / MemorySamples;
        var memory = new List<double>();
        var batches = 0;
        while (clock.Elapsed < options.Duration)
        {
            if (clock.Elapsed >= sampleEvery * memory.Count)
            {
                memory.Add(system.Web.Usage().WorkingSetBytes / Megabyte);
            }

            var due = interval * batches;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var batch = Enumerable.Range(0, EventsPerBatch).Select(index => Events.Admitted($"latency-{batches}-{index}", institutions[index % institutions.Length])).ToArray();
            sent[start + (batches + 1) * EventsPerBatch] = Stopwatch.GetTimestamp();
            (await system.Web.Http.Post(batch)).EnsureSuccessStatusCode();
            batches++;
        }

        var end = system.Web.Usage();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await poller;
        await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        foreach (var histogram in perClient)
        {
            push.Add(histogram);
        }

        var pushed = Figures.Of($"push, {options.Clients} clients", push, batches * EventsPerBatch, clock.Elapsed);
        pushed.More["bytesPerConnection"] = (connected.WorkingSetBytes - idle.WorkingSetBytes) / (double)clients.Count;
        pushed.More["serverMemoryConnectedMb"] = connected.WorkingSetBytes / Megabyte;
        pushed.More["serverMemoryEndMb"] = end.WorkingSetBytes / Megabyte;
        pushed.More["serverMemoryDuringMb"] = memory.Select(megabytes => Math.Round(megabytes)).ToArray();
        pushed.More["serverCpuPercent"] = end.CpuPercentSince(connected, clock.Elapsed);
        return [pushed, Figures.Of("poll every 5 s, 1 client", poll, batches * EventsPerBatch, clock.Elapsed)];
    }

    /// <summary>
    /// A wall: on each city update, every batch the new total covers has arrived. Each client records
    /// into its own histogram (a connection's handlers run one at a time), so the measuring clients do
    /// not queue on a shared lock; the histograms are added up at the end.
    /// </summary>
    private static async Task<HubConnection> Connect(Uri web, bool alsoCounty, int start, ConcurrentDictionary<int, long> sent, HdrHistogram.HistogramBase histogram)
    {
        var connection = TestCredentials.Hub(web).Build();
        var seen = start;
        connection.On<OccupantsUpdate>("update", update =>
        {
            if (update.Key == "city")
            {
                Record(sent, histogram, ref seen, update.Data.ElderlyCare.Occupants, Stopwatch.GetTimestamp());
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", "city");
        if (alsoCounty)
        {
            await connection.InvokeAsync<JsonElement>("Subscribe", $"county:{County}");
        }

        return connection;
    }

    private static async Task Poll(DashboardProcess web, int start, ConcurrentDictionary<int, long> sent, HdrHistogram.HistogramBase histogram, CancellationToken stop)
    {
        var seen = start;
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var occupants = (await web.GetCity()).ElderlyCare.Occupants;
                Record(sent, histogram, ref seen, occupants, Stopwatch.GetTimestamp());
            }
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("poller stopped");
        }
    }

    private static void Record(ConcurrentDictionary<int, long> sent, HdrHistogram.HistogramBase histogram, ref int seen, int occupants, long now)
    {
        for (var total = seen + EventsPerBatch; total <= occupants; total += EventsPerBatch)
        {
            if (sent.TryGetValue(total, out var at))
            {
                histogram.RecordValue((long)Stopwatch.GetElapsedTime(at, now).TotalMicroseconds);
            }
        }

        seen = Math.Max(seen, occupants - (occupants - seen) % EventsPerBatch);
    }
}
