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
public sealed class TestSilo : IAsyncLifetime
{
    private IHost host = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)));

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

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
