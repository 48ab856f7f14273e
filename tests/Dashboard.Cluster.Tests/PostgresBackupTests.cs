using Dashboard.Testing;
using Xunit.Abstractions;

namespace Dashboard.Cluster.Tests;

/// <summary>A cluster's database dumped with <c>deploy/postgres-backup</c> while it runs, and restored for a new cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(Postgres postgres, ITestOutputHelper output)
{
    private const string BackupScript = "deploy/postgres-backup";

    [Fact]
    public async Task A_dump_taken_under_load_restored_into_a_new_database_serves_every_event_acknowledged_before_it_each_counted_once()
    {
        var source = ClusterSettings.For(await postgres.Server.CreateDatabase(), "dumped");
        await using var silo = await ClusterCrashTests.StartSilo("silo", source);
        await using var web = await DashboardProcess.StartWeb("web", ClusterSettings.Web(source));
        var dump = Path.Combine(Directory.CreateTempSubdirectory("dashboard-dump-").FullName, "dashboard.dump");

        await using var load = new SteadyIngest("pg-backup", web.Http);
        await load.WaitForMore(300);
        var before = load.Acknowledged;
        output.WriteLine(await Script.Succeed(BackupScript, ["dump", ClusterSettings.Libpq(source["Dashboard:Cluster:ConnectionString"]), dump]));
        await load.WaitForMore(300);
        var total = await load.Stop();

        var target = ClusterSettings.For(await postgres.Server.CreateDatabase(), "restored");
        output.WriteLine(await Script.Succeed(BackupScript, ["restore", dump, ClusterSettings.Libpq(target["Dashboard:Cluster:ConnectionString"])]));
        await using var restoredSilo = await ClusterCrashTests.StartSilo("restored-silo", target);
        await using var restored = await DashboardProcess.StartWeb("restored-web", ClusterSettings.Web(target));
        var held = await load.CheckRestored(restored);
        output.WriteLine($"acknowledged {before} before the dump began and {total} in all; the restored cluster shows {held.Kept}");
        Assert.InRange(held.Kept, before, total - 1);
        Assert.Equal((held.Kept, total - held.Kept, total), (held.Duplicates, held.Accepted, held.Final));

        var again = await Script.Run(BackupScript, ["restore", dump, ClusterSettings.Libpq(target["Dashboard:Cluster:ConnectionString"])]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("restore into a new, empty database", again.Error, StringComparison.Ordinal);
    }
}
