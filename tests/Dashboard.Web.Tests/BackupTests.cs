using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Web.Tests;

/// <summary>The embedded database's backup (<c>backup &lt;file&gt;</c>) and restore (<c>restore &lt;file&gt;</c>), as an operator runs them.</summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_every_event_acknowledged_before_it_began_each_counted_once()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-backup-").FullName;
        var copy = Path.Combine(Directory.CreateTempSubdirectory("dashboard-copies-").FullName, "copy.db");
        await using var service = await DashboardProcess.StartEmbedded("embedded", folder);
        await using var load = new SteadyIngest("backup", service.Http);
        await load.WaitForMore(500);
        var before = load.Acknowledged;
        var (exitCode, lines) = await DashboardProcess.RunCommand(["backup", copy], folder);
        output.WriteLine(string.Join('\n', lines));
        Assert.Equal(0, exitCode);
        await load.WaitForMore(500);
        var total = await load.Stop();

        var restoredFolder = Directory.CreateTempSubdirectory("dashboard-restored-").FullName;
        Assert.Equal(0, (await DashboardProcess.RunCommand(["restore", copy], restoredFolder)).ExitCode);
        await using var restored = await DashboardProcess.StartEmbedded("restored", restoredFolder);
        var held = await load.CheckRestored(restored);
        output.WriteLine($"acknowledged {before} before the backup began and {total} in all; the copy holds {held.Kept}");

        // The copy holds all that was acknowledged before it began, and its dedupe records agree with
        // its counts: sending everything again adds exactly the rest.
        Assert.InRange(held.Kept, before, total - 1);
        Assert.Equal((held.Kept, total - held.Kept, total), (held.Duplicates, held.Accepted, held.Final));
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_a_database_and_a_file_that_is_not_a_dashboard_database()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-backup-").FullName;
        var copy = Path.Combine(Directory.CreateTempSubdirectory("dashboard-copies-").FullName, "copy.db");
        await using (await DashboardProcess.StartEmbedded("embedded", folder))
        {
            Assert.Equal(0, (await DashboardProcess.RunCommand(["backup", copy], folder)).ExitCode);
        }

        var (overwrite, overwriteLines) = await DashboardProcess.RunCommand(["restore", copy], folder);
        Assert.Equal(2, overwrite);
        Assert.Contains(overwriteLines, line => line.Contains("exists; stop the service and move its data folder aside first", StringComparison.Ordinal));

        var notADatabase = Path.Combine(Path.GetDirectoryName(copy)!, "notes.db");
        await File.WriteAllTextAsync(notADatabase, "民政 backup notes, not a database");
        var empty = Directory.CreateTempSubdirectory("dashboard-restored-").FullName;
        var (refused, refusedLines) = await DashboardProcess.RunCommand(["restore", notADatabase], empty);
        Assert.Equal(2, refused);
        Assert.Contains(refusedLines, line => line.Contains("is not a SQLite database", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(empty, "*.db"));

        var (nothing, nothingLines) = await DashboardProcess.RunCommand(["backup", copy + ".2"], empty);
        Assert.Equal(2, nothing);
        Assert.Contains(nothingLines, line => line.Contains("there is no database at", StringComparison.Ordinal));
        Assert.False(File.Exists(copy + ".2"));

        var (again, againLines) = await DashboardProcess.RunCommand(["backup", copy], folder);
        Assert.Equal(2, again);
        Assert.Contains(againLines, line => line.Contains("already exists; name a new file", StringComparison.Ordinal));
    }
}
