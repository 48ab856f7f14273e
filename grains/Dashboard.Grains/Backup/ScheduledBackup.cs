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
    private const string NameFormat = "yyyyMMdd'T'HHmmss'Z'";

    private DateTimeOffset due;

    /// <summary>
    /// The first copy falls due one interval after the newest one there is (at once when that is
    /// older), so a service restarted more often than the interval still takes its copies.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var newest = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, $"{SqliteBackup.ScheduledPrefix}*{SqliteBackup.Extension}").Select(TakenAt).Max()
            : null;
        due = (newest ?? clock.GetUtcNow()) + options.Value.Every;
        return base.StartAsync(cancellationToken);
    }

    private static DateTimeOffset? TakenAt(string file)
    {
        var name = Path.GetFileName(file);
        return DateTimeOffset.TryParseExact(name[SqliteBackup.ScheduledPrefix.Length..^SqliteBackup.Extension.Length], NameFormat,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var taken) ? taken : null;
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

            var began = clock.GetUtcNow();
            await TakeOne(stoppingToken);
            while (due <= began)
            {
                due += every;
            }
        }
    }

    /// <summary>One copy named by its UTC time (names sort by age), then the oldest beyond the limit go.</summary>
    public async Task TakeOne(CancellationToken cancellationToken)
    {
        var name = $"{SqliteBackup.ScheduledPrefix}{clock.GetUtcNow().ToString(NameFormat, CultureInfo.InvariantCulture)}{SqliteBackup.Extension}";
        try
        {
            var copy = await SqliteBackup.Take(connectionString, Path.Combine(folder, name), cancellationToken);
            var deleted = SqliteBackup.Prune(folder, options.Value.Keep);
            logger.LogInformation("Backed up the database to {Backup} ({Bytes} bytes); deleted {Deleted} older copies", copy.FullName, copy.Length, deleted.Count);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed copy must not stop the service; the next one is tried at its time.
            logger.LogError(exception, "Scheduled backup to {Folder} failed", folder);
        }
    }
}
