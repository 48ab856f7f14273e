using Dashboard.Testing;

namespace Dashboard.Bench;

/// <summary>
/// The product in processes of its own, as deployed: embedded (one web process on SQLite) or a cluster
/// (PostgreSQL, one silo, one web node), on a fresh database each run.
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts;

    private SystemUnderTest(DashboardProcess web, List<IAsyncDisposable> parts)
    {
        Web = web;
        this.parts = parts;
    }

    public DashboardProcess Web { get; }

    /// <summary>Where the grains run: the silo, or the web process when embedded.</summary>
    public DashboardProcess Silo => parts.OfType<DashboardProcess>().Last();

    /// <summary>Starts the system; <paramref name="settings"/> go to every process (for a registry of another size).</summary>
    public static async Task<SystemUnderTest> Start(string store, IReadOnlyDictionary<string, string> settings)
    {
        if (store == "sqlite")
        {
            var web = await DashboardProcess.StartEmbedded("web", Directory.CreateTempSubdirectory("dashboard-bench-").FullName, settings);
            return new SystemUnderTest(web, [web]);
        }

        var postgres = await PostgresServer.Start(flushToDisk: true);
        var cluster = new Dictionary<string, string>(settings)
        {
            ["Dashboard:Cluster:ConnectionString"] = await postgres.CreateDatabase(),
            ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        var silo = await DashboardProcess.StartSilo("silo", new Dictionary<string, string>(cluster)
        {
            ["Dashboard:Cluster:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Cluster:GatewayPort"] = FreePorts.Next().ToString(),
        });
        var node = await DashboardProcess.StartWeb("web", new Dictionary<string, string>(cluster) { ["Dashboard:Mode"] = "cluster" });
        return new SystemUnderTest(node, [node, silo, postgres]);
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
