using Dashboard.Grains;
using Dashboard.Grains.Hosting;
using Dashboard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Grains.Tests;

/// <summary>
/// A real silo with the project's grains, in-memory grain storage and a fake clock; no registry is
/// loaded, so each test registers what it needs.
/// </summary>
public sealed class TestSilo : IAsyncLifetime, IAsyncDisposable
{
    private IHost host = null!;

    public FakeTimeProvider Clock { get; private init; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>A silo of its own whose fake clock starts at <paramref name="now"/>, for tests that set the time.</summary>
    public static async Task<TestSilo> Start(DateTimeOffset now)
    {
        var silo = new TestSilo { Clock = new FakeTimeProvider(now) };
        await silo.InitializeAsync();
        return silo;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:Registry:SeedFolder"] = "" })
            .Build();
        host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo
                .UseLocalhostClustering(FreePorts.Next(), FreePorts.Next())
                .AddDashboard(configuration)
                .AddMemoryGrainStorage(StorageNames.Dashboard)
                .ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)))
            .Build();
        await host.StartAsync();
    }

    /// <summary>
    /// Orleans' graceful shutdown waits on timers of the fake clock, which does not move by itself;
    /// the grains' state lives in memory here, so an abrupt stop loses nothing a test needs.
    /// </summary>
    public async Task DisposeAsync()
    {
        using var abrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await host.StopAsync(abrupt.Token);
        host.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
