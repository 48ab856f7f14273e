using Dashboard.Grains.Backup;
using Dashboard.Grains.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The few lines a plain start prints, once the server listens: where to open the wall, and what this
/// node runs on (the embedded data folder and its backups, or the cluster it is a web node of).
/// Framework chatter stays below the default level.
/// </summary>
public sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    IServiceProvider services,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            OpenTheWall(logger, $"{address.TrimEnd('/')}/");
        }

        if (configuration.IsClusterMode())
        {
            ClusterNode(logger, configuration.GetClusterOptions().ClusterId);
            return;
        }

        var dataFolder = EmbeddedOptions.From(configuration).DataFolderPath(environment.ContentRootPath);
        var backup = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        if (backup.Enabled)
        {
            Embedded(logger, dataFolder, backup.Every, Path.GetFullPath(backup.Folder, dataFolder), backup.Keep);
        }
        else
        {
            EmbeddedWithoutBackups(logger, dataFolder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open the wall at {Address} (打开大屏)")]
    private static partial void OpenTheWall(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded mode: data in {DataFolder} (SQLite); a backup every {Every} to {BackupFolder}, the newest {Keep} kept")]
    private static partial void Embedded(ILogger logger, string dataFolder, TimeSpan every, string backupFolder, int keep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded mode: data in {DataFolder} (SQLite); scheduled backups are off")]
    private static partial void EmbeddedWithoutBackups(ILogger logger, string dataFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster mode: a web node of cluster {ClusterId}")]
    private static partial void ClusterNode(ILogger logger, string clusterId);
}
