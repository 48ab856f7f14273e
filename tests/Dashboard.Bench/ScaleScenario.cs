using System.Diagnostics;
using System.Text;

namespace Dashboard.Bench;

/// <summary>
/// A national-size registry (by default 50,000 institutions in 3,000 counties) loaded from a seed
/// folder at start: the time until the city counts every institution, the memory of the process that
/// hosts the grains, and the latency of the city and a county snapshot.
/// </summary>
public static class ScaleScenario
{
    private const int Requests = 200;
    private const string CityCode = "990000";

    /// <summary>The settings that point the system at a generated national registry; none for other scenarios.</summary>
    public static IReadOnlyDictionary<string, string> Settings(BenchOptions options) => options.Scenario == "scale"
        ? new Dictionary<string, string>
        {
            ["Dashboard:Registry:SeedFolder"] = WriteRegistry(options.Institutions, options.Counties),
            ["Dashboard:Registry:Demo"] = "false",
        }
        : new Dictionary<string, string>();

    public static async Task<IReadOnlyList<Figures>> Run(SystemUnderTest system, BenchOptions options, TimeSpan startup)
    {
        var loading = Stopwatch.StartNew();
        while ((await system.Web.GetCity()).ElderlyCare.Institutions < options.Institutions)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var loaded = startup + loading.Elapsed;
        var memory = system.Silos[0].Usage().WorkingSetBytes / 1024.0 / 1024.0;
        Console.WriteLine($"{options.Institutions} institutions in {options.Counties} counties loaded in {loaded.TotalSeconds:0.0} s; grain host {memory:0} MB");

        var city = await Measure(system.Web.Http, "/api/v1/city");
        var county = await Measure(system.Web.Http, $"/api/v1/counties/{CountyCode(0)}");
        city.More["loadSeconds"] = loaded.TotalSeconds;
        city.More["siloMemoryMb"] = memory;
        return [city, county];
    }

    private static async Task<Figures> Measure(HttpClient http, string path)
    {
        var histogram = Figures.NewHistogram();
        var clock = Stopwatch.StartNew();
        for (var request = 0; request < Requests; request++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            histogram.RecordValue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return Figures.Of($"GET {path}", histogram, Requests, clock.Elapsed);
    }

    /// <summary>Writes region.csv and institutions.csv for a registry of the given size into a new folder.</summary>
    private static string WriteRegistry(int institutions, int counties)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-national-").FullName;
        var region = new StringBuilder("code,name,level\n").Append($"{CityCode},全国,city\n");
        for (var county = 0; county < counties; county++)
        {
            region.Append($"{CountyCode(county)},第{county + 1}县,county\n");
        }

        var random = new Random(7);
        var registry = new StringBuilder("id,name,kind,county,beds,occupants\n");
        for (var index = 0; index < institutions; index++)
        {
            var beds = random.Next(20, 400);
            registry.Append($"N{index:000000},第{index + 1}敬老院,public-elderly-care,{CountyCode(index % counties)},{beds},{random.Next(0, beds)}\n");
        }

        File.WriteAllText(Path.Combine(folder, "region.csv"), region.ToString());
        File.WriteAllText(Path.Combine(folder, "institutions.csv"), registry.ToString());
        return folder;
    }

    private static string CountyCode(int county) => $"{100001 + county}";
}
