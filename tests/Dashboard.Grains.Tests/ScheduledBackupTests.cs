using Dashboard.Grains.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Grains.Tests;

public sealed class ScheduledBackupTests
{
    [Fact]
    public async Task Every_interval_a_whole_copy_is_taken_and_only_the_newest_few_are_kept()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-scheduled-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "dashboard.db")}";
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await new SqliteCommand("CREATE TABLE OrleansStorage (Payload BLOB); INSERT INTO OrleansStorage VALUES (x'01')", connection).ExecuteNonQueryAsync();
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));
        var copies = Path.Combine(folder, "backups");
        var options = Options.Create(new BackupOptions { Every = TimeSpan.FromHours(6), Keep = 3 });
        using var schedule = new ScheduledBackup(connectionString, copies, options, clock, NullLogger<ScheduledBackup>.Instance);
        await schedule.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(5));
        Assert.False(Directory.Exists(copies));
        for (var taken = 1; taken <= 5; taken++)
        {
            clock.Advance(TimeSpan.FromHours(taken == 1 ? 1 : 6));
            var expected = Math.Min(taken, 3);
            await WaitUntil(() => Directory.Exists(copies) && Directory.GetFiles(copies, "dashboard-*.db").Length == expected
                && Directory.GetFiles(copies).Order().Last().EndsWith($"T{(1 + taken * 6) % 24:00}0000Z.db", StringComparison.Ordinal));
        }

        await schedule.StopAsync(CancellationToken.None);
        Assert.Equal(["dashboard-20261206T190000Z.db", "dashboard-20261207T010000Z.db", "dashboard-20261207T070000Z.db"],
            Directory.GetFiles(copies).Select(Path.GetFileName).Order());
        await using var copy = new SqliteConnection($"Data Source={Directory.GetFiles(copies).Max()};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal(1L, await new SqliteCommand("SELECT count(*) FROM OrleansStorage", copy).ExecuteScalarAsync());
    }

    /// <summary>The copy is written on the thread pool after the fake clock fires; this waits for it without a fixed sleep.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }
}
