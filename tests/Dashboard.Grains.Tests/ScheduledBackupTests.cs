using Dashboard.Grains.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Grains.Tests;

public sealed class ScheduledBackupTests
{
    private static readonly IOptions<BackupOptions> EverySixHoursKeepThree = Options.Create(new BackupOptions { Every = TimeSpan.FromHours(6), Keep = 3 });

    [Fact]
    public async Task Every_interval_a_whole_copy_is_taken_and_only_the_newest_few_are_kept()
    {
        var (connectionString, copies) = await Database();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));
        using var schedule = new ScheduledBackup(connectionString, copies, EverySixHoursKeepThree, clock, NullLogger<ScheduledBackup>.Instance);
        await schedule.StartAsync(CancellationToken.None);

        for (var taken = 1; taken <= 5; taken++)
        {
            var due = new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero).AddHours(6 * taken);
            await AdvanceUntil(clock, due, () => Names(copies).Any(name => name.StartsWith($"dashboard-{due:yyyyMMdd'T'HH}", StringComparison.Ordinal)) && Names(copies).Length <= 3);
        }

        await schedule.StopAsync(CancellationToken.None);
        Assert.Equal(["dashboard-20261206T19", "dashboard-20261207T01", "dashboard-20261207T07"], Names(copies).Select(name => name[..21]));
        await using var copy = new SqliteConnection($"Data Source={Path.Combine(copies, Names(copies)[^1])};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal(1L, await new SqliteCommand("SELECT count(*) FROM OrleansStorage", copy).ExecuteScalarAsync());
    }

    [Fact]
    public async Task After_a_restart_the_next_copy_falls_due_one_interval_after_the_newest_one()
    {
        var (connectionString, copies) = await Database();
        Directory.CreateDirectory(copies);
        File.Copy(connectionString["Data Source=".Length..], Path.Combine(copies, "dashboard-20261206T010000Z.db"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        using var schedule = new ScheduledBackup(connectionString, copies, EverySixHoursKeepThree, clock, NullLogger<ScheduledBackup>.Instance);
        await schedule.StartAsync(CancellationToken.None);

        await AdvanceUntil(clock, new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero), () => Names(copies).Length == 2);
        await schedule.StopAsync(CancellationToken.None);

        Assert.StartsWith("dashboard-20261206T07", Names(copies)[^1], StringComparison.Ordinal);
    }

    private static async Task<(string ConnectionString, string Copies)> Database()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-scheduled-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "dashboard.db")}";
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await new SqliteCommand("CREATE TABLE OrleansStorage (Payload BLOB); INSERT INTO OrleansStorage VALUES (x'01')", connection).ExecuteNonQueryAsync();
        return (connectionString, Path.Combine(folder, "backups"));
    }

    private static string[] Names(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "dashboard-*.db").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)] : [];

    /// <summary>
    /// Moves the fake clock to when the copy falls due and gives the copy (written on the thread pool)
    /// a moment; if the schedule registered its delay only after the move, a further minute passes it.
    /// </summary>
    private static async Task AdvanceUntil(FakeTimeProvider clock, DateTimeOffset due, Func<bool> condition)
    {
        clock.SetUtcNow(due);
        for (var minute = 0; !condition(); minute++)
        {
            Assert.True(minute < 60, $"no copy within an hour of {due:u}");
            for (var look = 0; look < 100 && !condition(); look++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }

            if (!condition())
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
    }
}
