using Dashboard.Testing;

namespace Dashboard.Bench;

/// <summary>
/// The product in processes of its own, as deployed: embedded (one web process on SQLite) or a cluster
/// (PostgreSQL, silos, web nodes), on a fresh database each run.
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts;

    private SystemUnderTest(IReadOnlyList<DashboardProcess> webs, IReadOnlyList<DashboardProcess> silos, List<IAsyncDisposable> parts)
    {
        Webs = webs;
        Silos = silos;
        this.parts = parts;
    }

    /// <summary>The first web node.</summary>
    public DashboardProcess Web => Webs[0];

    public IReadOnlyList<DashboardProcess> Webs { get; }

    /// <summary>Where the grains run: the silos, or the web process when embedded.</summary>
    public IReadOnlyList<DashboardProcess> Silos { get; }

    /// <summary>Starts the system; <paramref name="settings"/> go to every process (for a registry of another size).</summary>
    public static async Task<SystemUnderTest> Start(BenchOptions options, IReadOnlyDictionary<string, string> settings)
    {
        if (options.Store == "sqlite")
        {
            if (options.Webs != 1 || options.Silos != 1)
            {
                throw new ArgumentException("the embedded product (SQLite) is one process: --webs and --silos need --store postgres");
            }

            var web = await DashboardProcess.StartEmbedded("web", Directory.CreateTempSubdirectory("dashboard-bench-").FullName, settings);
            return new SystemUnderTest([web], [web], [web]);
        }

        var postgres = await PostgresServer.Start(flushToDisk: true);
        var cluster = new Dictionary<string, string>(settings)
        {
            ["Dashboard:Cluster:ConnectionString"] = await postgres.CreateDatabase(),
            ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        var silos = new List<DashboardProcess>();
        foreach (var index in Enumerable.Range(1, options.Silos))
        {
            silos.Add(await DashboardProcess.StartSilo($"silo{index}", new Dictionary<string, string>(cluster)
            {
                ["Dashboard:Cluster:SiloPort"] = FreePorts.Next().ToString(),
                ["Dashboard:Cluster:GatewayPort"] = FreePorts.Next().ToString(),
            }));
        }

        var webs = new List<DashboardProcess>();
        foreach (var index in Enumerable.Range(1, options.Webs))
        {
            webs.Add(await DashboardProcess.StartWeb($"web{index}", new Dictionary<string, string>(cluster) { ["Dashboard:Mode"] = "cluster" }));
        }

        return new SystemUnderTest(webs, silos, [.. webs, .. silos, postgres]);
    }

    /// <summary>Processor time used so far by every process of the system (the database server excluded).</summary>
    public TimeSpan ProcessorTime() =>
        parts.OfType<DashboardProcess>().Aggregate(TimeSpan.Zero, (total, process) => total + process.Usage().ProcessorTime);

    public async ValueTask DisposeAsync()
    {
        foreach (var part in parts)
        {
            await part.DisposeAsync();
        }
    }
}
