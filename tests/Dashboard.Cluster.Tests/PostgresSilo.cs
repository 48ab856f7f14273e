using Dashboard.Grains.Hosting;
using Dashboard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Cluster.Tests;

/// <summary>A silo in this process configured exactly as the standalone silo, on a database of its own.</summary>
public sealed class PostgresSilo : IAsyncDisposable
{
    private readonly IHost host;

    private PostgresSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<PostgresSilo> Start(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Cluster:ConnectionString"] = connectionString,
            ["Dashboard:Cluster:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Dashboard:Cluster:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Cluster:GatewayPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Registry:SeedFolder"] = "",
        }).Build();
        Assert.Null(await configuration.PrepareClusterDatabase(applySchema: true));

        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.AddDashboard(configuration).AddPostgresCluster(configuration))
            .Build();
        await host.StartAsync();
        return new PostgresSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
