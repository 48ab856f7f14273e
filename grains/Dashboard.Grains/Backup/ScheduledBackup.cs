using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Backup;

/// <summary>Takes a copy of the embedded database every <see cref="BackupOptions.Every"/> and keeps the newest few.</summary>
public sealed class ScheduledBackup(
    string connectionString,
    string folder,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<ScheduledBackup> logger) : BackgroundService
{
    private DateTimeOffset due;

    /// <summary>The first copy falls due one interval after the service starts, not after its loop first runs.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        due = clock.GetUtcNow() + options.Value.Every;
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Copies fall due at fixed times from the start, so a slow copy does not push later ones back.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.Every;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await TakeOne(stoppingToken);
            while (due <= clock.GetUtcNow())
            {
                due += every;
            }
        }
    }

    /// <summary>One copy named by its UTC time (names sort by age), then the oldest beyond the limit go.</summary>
    public async Task TakeOne(CancellationToken cancellationToken)
    {
        var name = $"{SqliteBackup.ScheduledPrefix}{clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}{SqliteBackup.Extension}";
        try
        {
            var copy = await SqliteBackup.Take(connectionString, Path.Combine(folder, name), cancellationToken);
            var deleted = SqliteBackup.Prune(folder, options.Value.Keep);
            logger.LogInformation("Backed up the database to {Backup} ({Bytes} bytes); deleted {Deleted} older copies", copy.FullName, copy.Length, deleted.Count);
        }
        catch (Exception exception) when (exception is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(exception, "Scheduled backup to {Folder} failed", folder);
        }
    }
}
