using Dashboard.Grains.Hosting;
using Dashboard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;

namespace Dashboard.Grains.Tests;

/// <summary>
/// A real silo with the project's grains, in-memory grain storage (or SQLite in a data folder, for
/// tests that restart it) and a fake clock; no registry is loaded, so each test registers what it needs.
/// </summary>
public sealed class TestSilo : IAsyncLifetime, IAsyncDisposable
{
    private IHost host = null!;

    private string? dataFolder;

    private IReadOnlyDictionary<string, string?> settings = new Dictionary<string, string?>();

    public FakeTimeProvider Clock { get; private init; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>
    /// A silo of its own whose fake clock starts at <paramref name="now"/>, for tests that set the time;
    /// with <paramref name="dataFolder"/> its grains are stored there, and a new silo on it is a restart.
    /// </summary>
    public static async Task<TestSilo> Start(DateTimeOffset now, string? dataFolder = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var silo = new TestSilo { Clock = new FakeTimeProvider(now), dataFolder = dataFolder, settings = settings ?? new Dictionary<string, string?>() };
        await silo.InitializeAsync();
        return silo;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dashboard:Registry:SeedFolder"] = "",
                ["Dashboard:Embedded:DataFolder"] = dataFolder,
                ["Dashboard:Embedded:SiloPort"] = FreePorts.Next().ToString(),
                ["Dashboard:Embedded:GatewayPort"] = FreePorts.Next().ToString(),
            })
            .AddInMemoryCollection(settings)
            .Build();
        host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.AddDashboard(configuration).ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));

                // Orleans reads the same clock, so a test that moves it by hours would have the silo find
                // its own heartbeats stale and declare itself dead; one silo has nobody to probe anyway.
                silo.Configure<ClusterMembershipOptions>(membership => membership.LivenessEnabled = false);
                if (dataFolder is null)
                {
                    silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next()).AddMemoryGrainStorage(StorageNames.Dashboard);
                }
                else
                {
                    silo.AddEmbeddedCluster(configuration, dataFolder);
                }
            })
            .Build();
        await host.StartAsync();
    }

    /// <summary>
    /// Orleans' graceful shutdown waits on timers of the fake clock, which does not move by itself;
    /// whatever was acknowledged is already stored, so an abrupt stop loses nothing a test needs.
    /// </summary>
    public async Task DisposeAsync()
    {
        using var abrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await host.StopAsync(abrupt.Token);
        host.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
