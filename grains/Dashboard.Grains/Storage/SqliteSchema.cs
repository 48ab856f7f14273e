using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Applies the project's SQLite scripts (embedded from <c>deploy/sql/sqlite</c>) before any storage
/// provider reads its queries. Every script is idempotent, so this runs at every start.
/// </summary>
public sealed class SqliteSchema(string connectionString, ILogger<SqliteSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string ResourcePrefix = "sql/sqlite/";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteSchema), ServiceLifecycleStage.RuntimeInitialize, Apply);

    public async Task Apply(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (name, script) in Scripts())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.LogDebug("Applied {Script} to {Database}", name, builder.DataSource);
        }
    }

    private static IEnumerable<(string Name, string Script)> Scripts()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }
}
