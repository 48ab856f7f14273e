using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Applies the project's SQLite scripts (embedded from <c>deploy/sql/sqlite</c>) before any storage
/// provider reads its queries. Every script is idempotent, so this runs at every start.
/// </summary>
public sealed class SqliteSchema(string connectionString, ILogger<SqliteSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteSchema), ServiceLifecycleStage.RuntimeInitialize, Apply);

    public async Task Apply(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (name, script) in SchemaScripts.For(SchemaScripts.Sqlite))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.LogDebug("Applied {Script} to {Database}", name, builder.DataSource);
        }
    }
}
