using Dashboard.Testing;
using Npgsql;

namespace Dashboard.Cluster.Tests;

/// <summary>The cluster store's upgrade path: a database of an earlier schema, restored and started by this release's silos.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaUpgradeTests(Postgres postgres)
{
    [Fact]
    public async Task A_cluster_database_of_schema_1_is_brought_up_to_date_by_the_silos_and_serves_what_it_held()
    {
        var settings = ClusterSettings.For(await postgres.Server.CreateDatabase(), "upgraded");
        var connectionString = settings["Dashboard:Cluster:ConnectionString"];
        await Script.Succeed("deploy/postgres-backup", ["restore", SchemaFixture.PostgresDump, ClusterSettings.Libpq(connectionString)]);

        await using var silo = await ClusterCrashTests.StartSilo("silo", settings);
        await using var web = await DashboardProcess.StartWeb("web", ClusterSettings.Web(settings));
        Assert.Equal(DemoRegistry.ElderlyCareOccupants + SchemaFixture.Admitted, (await web.GetCity()).ElderlyCare.Occupants);
        (await web.Http.Post(Events.Admitted($"after-upgrade-{Guid.NewGuid():N}"))).EnsureSuccessStatusCode();
        Assert.Equal(DemoRegistry.ElderlyCareOccupants + SchemaFixture.Admitted + 1, (await web.GetCity()).ElderlyCare.Occupants);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(SchemaFixture.NewestVersions("postgresql"), await SchemaFixture.RecordedVersions(connection));
    }
}
