using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Bench;

/// <summary>
/// Event to screen: SignalR clients subscribe to the city (half of them also to a county), one sender
/// offers admissions at a steady rate in batches of ten on a fixed schedule (open loop: a slow
/// acknowledgement does not hold back the next batch), and each client measures the time from when a
/// batch was due to the first update that contains it. Side by
/// side: a client that polls the REST snapshot every 5 s, as a Grafana-style dashboard would. As
/// <c>fanout</c> it runs with many clients for long: the server's memory per connection, whether it
/// stays flat, and its processor use. Light connections (<see cref="LightConnection"/>) load the server
/// like walls while a few full clients measure, so the figure is the server's and not the generator's;
/// the processor time of the product's processes is divided by the messages they delivered.
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
        var servers = system.Webs.Concat(system.Silos).Distinct().ToArray();
        var protocol = options.MessagePack ? "MessagePack" : "JSON";

        Console.WriteLine($"{options.Clients} SignalR clients and {options.Light} light connections ({protocol}, {(options.Changes ? "changes" : "whole updates")}) on {system.Webs.Count} web node(s), {options.Rate} events/s for {options.Duration.TotalSeconds:0} s after {options.WarmUp.TotalSeconds:0} s of the same, not counted");
        await Task.Delay(Settle);
        var idle = WebMemory(system);
        var clients = new List<HubConnection>();
        var received = new StrongBox<long>();
        foreach (var group in Enumerable.Range(0, options.Clients).Chunk(ConnectingAtOnce))
        {
            var histograms = group.Select(_ => (HdrHistogram.HistogramBase)Figures.NewHistogram()).ToArray();
            perClient.AddRange(histograms);
            clients.AddRange(await Task.WhenAll(group.Select((index, position) =>
                Connect(system.Webs[index % system.Webs.Count].BaseAddress!, options.MessagePack, Subscribe(options), Groups(index), start, sent, histograms[position], received))));
        }

        var light = new List<LightConnection>();
        foreach (var group in Enumerable.Range(options.Clients, options.Light).Chunk(ConnectingAtOnce))
        {
            light.AddRange(await Task.WhenAll(group.Select(index =>
                LightConnection.Open(system.Webs[index % system.Webs.Count].BaseAddress!, options.MessagePack, Subscribe(options), Groups(index)))));
        }

        await Task.Delay(Settle);
        var connectedMemory = WebMemory(system);
        var connections = clients.Count + light.Count;
        Console.WriteLine($"web nodes {idle / Megabyte:0} MB idle, {connectedMemory / Megabyte:0} MB with {connections} connections");
        using var stop = new CancellationTokenSource();
        var poller = Poll(system.Web, start, sent, poll, stop.Token);

        // Batches are due from here: a batch's latency counts from when it was due, never from after it was sent.
        // Batches due within the warm-up are sent but not counted: the push path is compiled and
        // tiered only once connections receive (see BenchOptions).
        var origin = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds((double)EventsPerBatch / options.Rate);
        var sampleEvery = options.Duration / MemorySamples;
        var memory = new List<double>();
        var batches = 0;
        var measured = 0;
        var posting = new List<Task>();
        var acknowledged = Figures.NewHistogram();
        var connected = Array.Empty<ProcessUsage>();
        var deliveredBefore = 0L;
        var countedFrom = TimeSpan.Zero;
        while (interval * batches < options.WarmUp + options.Duration)
        {
            var due = interval * batches;
            var counted = due >= options.WarmUp;
            if (counted && due - options.WarmUp >= sampleEvery * memory.Count)
            {
                memory.Add(WebMemory(system) / Megabyte);
            }

            await OpenLoop.WaitUntil(clock, due);
            if (counted && measured == 0)
            {
                connected = [.. servers.Select(server => server.Usage())];
                deliveredBefore = Delivered(received, light);
                countedFrom = clock.Elapsed;
            }

            var batch = Enumerable.Range(0, EventsPerBatch).Select(index => Events.Admitted($"latency-{batches}-{index}", institutions[index % institutions.Length])).ToArray();
            var dueAt = origin + (long)(due.TotalSeconds * Stopwatch.Frequency);
            if (counted)
            {
                sent[start + (batches + 1) * EventsPerBatch] = dueAt;
                measured++;
            }

            posting.Add(Acknowledged(system.Webs[batches % system.Webs.Count], batch, dueAt, counted ? acknowledged : null));
            batches++;
        }

        await Task.WhenAll(posting);

        var elapsed = clock.Elapsed - countedFrom;
        var used = servers.Select(server => server.Usage()).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await poller;
        var delivered = Delivered(received, light) - deliveredBefore;
        var processor = used.Zip(connected, (after, before) => after.ProcessorTime - before.ProcessorTime).ToArray();
        await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()).Concat(light.Select(connection => connection.DisposeAsync().AsTask())));
        foreach (var histogram in perClient)
        {
            push.Add(histogram);
        }

        var pushed = Figures.Of($"push, {connections} connections", push, measured * EventsPerBatch, elapsed);
        pushed.More["protocol"] = protocol;
        pushed.More["updates"] = options.Changes ? "changes" : "whole";
        pushed.More["webNodes"] = system.Webs.Count;
        pushed.More["bytesPerConnection"] = (connectedMemory - idle) / (double)connections;
        pushed.More["webMemoryConnectedMb"] = connectedMemory / Megabyte;
        pushed.More["webMemoryEndMb"] = used.Take(system.Webs.Count).Sum(usage => usage.WorkingSetBytes) / Megabyte;
        pushed.More["webMemoryDuringMb"] = memory.Select(megabytes => Math.Round(megabytes)).ToArray();
        pushed.More["serverCpuPercent"] = processor.Sum(time => time.TotalSeconds) / (elapsed.TotalSeconds * Environment.ProcessorCount) * 100;
        pushed.More["cpuPercentByProcess"] = processor.Select(time => Math.Round(time.TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount) * 100, 1)).ToArray();
        pushed.More["messagesDeliveredPerSecond"] = delivered / elapsed.TotalSeconds;
        pushed.More["serverCpuMicrosecondsPerMessage"] = processor.Sum(time => time.TotalMicroseconds) / Math.Max(1, delivered);
        if (light.Count > 0)
        {
            pushed.More["lightBytesPerMessage"] = light.Sum(connection => connection.Bytes) / (double)Math.Max(1, light.Sum(connection => connection.Messages));
            pushed.More["lightFewestMessages"] = light.Min(connection => connection.Messages);
            pushed.More["lightLost"] = light.Count(connection => connection.Lost is not null);
        }

        return [pushed, Figures.Of("ingest acknowledged", acknowledged, measured * EventsPerBatch, elapsed), Figures.Of("poll every 5 s, 1 client", poll, measured * EventsPerBatch, elapsed)];
    }

    /// <summary>Posts a batch and records how long after it was due its acknowledgement came, if counted; posts overlap, hence the lock.</summary>
    private static async Task Acknowledged(DashboardProcess web, object[] batch, long dueAt, HdrHistogram.HistogramBase? histogram)
    {
        (await web.Http.Post(batch)).EnsureSuccessStatusCode();
        if (histogram is null)
        {
            return;
        }

        var micros = (long)Stopwatch.GetElapsedTime(dueAt).TotalMicroseconds;
        lock (histogram)
        {
            histogram.RecordValue(micros);
        }
    }

    private static string Subscribe(BenchOptions options) => options.Changes ? "SubscribeChanges" : "Subscribe";

    /// <summary>Every connection follows the city; every other one a county too, as a county page beside the wall would.</summary>
    private static string[] Groups(int index) => index % 2 == 0 ? ["city", $"county:{County}"] : ["city"];

    private static long Delivered(StrongBox<long> received, List<LightConnection> light) =>
        Interlocked.Read(ref received.Value) + light.Sum(connection => connection.Messages);

    private static long WebMemory(SystemUnderTest system) => system.Webs.Sum(web => web.Usage().WorkingSetBytes);

    /// <summary>
    /// A wall: on each city update, every batch the new total covers has arrived. Each client records
    /// into its own histogram (a connection's handlers run one at a time), so the measuring clients do
    /// not queue on a shared lock; the histograms are added up at the end.
    /// </summary>
    private static async Task<HubConnection> Connect(Uri web, bool messagePack, string subscribe, string[] groups, int start, ConcurrentDictionary<int, long> sent,
        HdrHistogram.HistogramBase histogram, StrongBox<long> received)
    {
        var builder = TestCredentials.Hub(web);
        var connection = (messagePack ? builder.WithMessagePack() : builder).Build();
        var seen = start;
        connection.On<OccupantsUpdate>("update", update =>
        {
            Interlocked.Increment(ref received.Value);
            if (update.Key == "city")
            {
                Record(sent, histogram, ref seen, update.Data.ElderlyCare.Occupants, Stopwatch.GetTimestamp());
            }
        });
        await connection.StartAsync();
        foreach (var group in groups)
        {
            await connection.InvokeAsync<JsonElement>(subscribe, group);
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
