using Dashboard.Testing;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests;

/// <summary>The embedded store's upgrade path: a database of an earlier schema, started by this release.</summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task An_embedded_database_of_schema_1_is_brought_up_to_date_at_start_and_serves_what_it_held()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-schema-").FullName;
        File.Copy(SchemaFixture.Sqlite, Path.Combine(folder, "dashboard.db"));

        await using var service = await DashboardProcess.StartEmbedded("upgraded", folder);
        Assert.Equal(DemoRegistry.ElderlyCareOccupants + SchemaFixture.Admitted, (await service.GetCity()).ElderlyCare.Occupants);
        (await service.Http.Post(Events.Admitted($"after-upgrade-{Guid.NewGuid():N}"))).EnsureSuccessStatusCode();
        Assert.Equal(DemoRegistry.ElderlyCareOccupants + SchemaFixture.Admitted + 1, (await service.GetCity()).ElderlyCare.Occupants);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "dashboard.db")};Mode=ReadOnly;Pooling=False");
        Assert.Equal(SchemaFixture.NewestVersions("sqlite"), await SchemaFixture.RecordedVersions(connection));
    }
}
