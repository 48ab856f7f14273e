using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Dashboard.Bench;

/// <summary>Starts the system, runs one scenario against it from this process, prints a table and one JSON line.</summary>
public static class Benchmark
{
    public static async Task<int> Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var fsync = FsyncProbe.Measure(Path.GetTempPath());
        Console.WriteLine($"scenario {options.Scenario}, store {options.Store}, {Environment.ProcessorCount} cores, {fsync}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}");
        var starting = Stopwatch.StartNew();
        await using var system = await SystemUnderTest.Start(options, ScaleScenario.Settings(options));
        var startup = starting.Elapsed;
        var figures = options.Scenario switch
        {
            "ingest" => await IngestScenario.Run(system, options),
            "latency" or "fanout" => await LatencyScenario.Run(system, options),
            "scale" => await ScaleScenario.Run(system, options, startup),
            _ => throw new ArgumentException($"unknown scenario '{options.Scenario}': ingest | latency | fanout | scale"),
        };

        Console.WriteLine();
        Console.WriteLine($"{"phase",-26} {"events/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"count",10}");
        foreach (var row in figures)
        {
            var more = string.Join("  ", row.More.Select(entry => $"{entry.Key} {Format(entry.Value)}"));
            Console.WriteLine($"{row.Phase,-26} {row.EventsPerSecond,10:0} {row.P50Ms,8:0.0} {row.P95Ms,8:0.0} {row.P99Ms,8:0.0} {row.MaxMs,8:0.0} {row.Count,10}  {more}");
        }

        var json = JsonSerializer.Serialize(new { scenario = options.Scenario, store = options.Store, cores = Environment.ProcessorCount, fsync, phases = figures },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var folder = Path.Combine(Dashboard.Testing.Repository.Root, "artifacts", "bench");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{options.Scenario}-{options.Store}-{DateTimeOffset.Now:yyyyMMdd-HHmmss}.json"), json);
        Console.WriteLine(json);
        return 0;
    }

    private static string Format(object value) => value is IEnumerable<double> series
        ? string.Join(" ", series.Select(number => number.ToString("0.#", CultureInfo.InvariantCulture)))
        : string.Format(CultureInfo.InvariantCulture, "{0:0.#}", value);
}
